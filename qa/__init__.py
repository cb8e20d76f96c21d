"""Minutebook: question a council's record and get cited, verbatim answers."""
__version__ = "0.1.0"
