"""The two-year traject an advisor leads with a group of school leaders."""
