// Package checklist is the contract between the checklist workflows and
// their activities: workflow and activity names, and the types that cross
// between them. It is pure Go, so workflows can depend on it without
// linking the store or pgx, and activities implement it.
//
// Everything here travels through Temporal history, so it carries
// identifiers and decisions only: never citizen ID numbers, birth dates,
// salaries or names of elected persons.
package checklist
