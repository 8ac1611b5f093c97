"""Placeholder: the worksheet hook is being written (issue 5)."""
