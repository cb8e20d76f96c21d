"""Storage and search backends: one interface (qa.backend.base), an embedded and a PostgreSQL implementation."""
