"""Participation: stakeholders rate and comment on needs and recommendations (member checking)."""
