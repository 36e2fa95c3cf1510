"""Shared foundations: domain records and errors, safe file writing, number formatting."""
