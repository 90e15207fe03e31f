"""Languages of the course: English (the source) and its translations."""
