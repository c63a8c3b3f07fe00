// Package config loads and validates kozan.yaml (schema in DESIGN.md).
// Every key is optional; unknown keys are an error that names the key and
// its line. config.go holds the types and Load, size.go the byte-size type.
package config
