"""Exchange with other QDA programs: REFI-QDA projects (.qdpx)."""
