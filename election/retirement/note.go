package retirement

// unverifiedNote is the first line of the explanation of every assessment
// under a rule set that no person has verified (or whose verification was
// revoked).
const unverifiedNote = "Chưa đối chiếu văn bản: cần cán bộ tổ chức xác nhận"
