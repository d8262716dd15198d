"""Spreadsheet attachments: .xlsx read with openpyxl, .xls (Excel 97-2003) with xlrd."""
