"""Maintenance scripts: building the shipped templates."""
