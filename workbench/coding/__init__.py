"""Coding: the codebook, coding operations with per-coder undo, memos, agreement, code analysis."""
