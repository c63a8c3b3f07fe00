// Package review writes deals out for people to review and reads their
// decisions back.
//
// Export streams deals from the store (an Each) to CSV, XLSX or JSONL
// without holding them in memory; Import reads a reviewed CSV or XLSX file
// back into validated pipeline.ReviewUpdate values, all or nothing.
//
// Files:
//   - columns.go: the column set (Columns), one deal as typed cells, and
//     the formula-injection guard (a leading ' on text that a spreadsheet
//     would take for a formula) and its inverse.
//   - export.go: Each, Export and the format switch.
//   - csv.go: the CSV writer (UTF-8 with BOM, RFC 4180 quoting).
//   - xlsx.go: the XLSX writer (Deals, Companies and Sources sheets, written
//     with excelize's StreamWriter) and the roll-ups behind the last two.
//   - jsonl.go: the JSONL writer (one pipeline.DealRecord per line).
//   - import.go: Import, ImportCSV, ImportXLSX, NormalizeStatus, RowError and
//     the row validation shared by both formats.
//   - encoding.go: text decoding of CSV review files (UTF-8, with or without
//     BOM; Shift_JIS as saved by Japanese Excel).
//
// Decisions a reviewer can see are written down in docs/reviewing.md; the
// ones a programmer needs are in the godoc of Export and Import.
package review
