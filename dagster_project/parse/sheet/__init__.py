"""Spreadsheet attachments (.xlsx) read with openpyxl."""
