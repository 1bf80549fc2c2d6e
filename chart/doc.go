// Package chart draws electionflow's charts (biểu đồ) for the board, the
// summary report page and the report PDF from one data model: a Chart of
// labelled rows with a value per series, laid out once as a Figure of
// rectangles, lines and text in abstract units, which SVG writes for the
// web and the report package scales onto an A4 page. It is pure: data in,
// SVG or geometry out; nothing here measures fonts, queries or prints.
package chart
