"""Parsers for council documents, one module per genre; see qa.parse.document."""
