"""Synthesis: indicators, Sozialraum profiles, recommendations with evidence, reports."""
