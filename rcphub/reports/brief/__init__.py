"""The regional brief: its figures as at a date (`figures`), its charts and map (`charts`)."""
