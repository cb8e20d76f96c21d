"""The web service: JSON API, citation permalinks, meeting pages and the chat page."""
from qa.web.app import create_app

__all__ = ["create_app"]
