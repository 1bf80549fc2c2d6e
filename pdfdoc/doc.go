// Package pdfdoc writes electionflow's A4 PDF documents (the delegate
// certificates, giấy chứng nhận đại biểu, and the summary report, báo cáo
// tổng kết). It embeds the DejaVu Serif VN faces, so Vietnamese text prints
// and extracts right with nothing installed, and draws through a Writer
// that keeps its first error, so a layout reads as a list of calls.
package pdfdoc
