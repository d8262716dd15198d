"""PDF reports: tables as rows of cells, prose as paragraphs, one form feed between pages."""
