// Package election holds the domain of post-election administration in Viet
// Nam: elections and their terms (nhiệm kỳ), the levels of elected bodies,
// councils (Hội đồng nhân dân, Quốc hội), the persons elected to them
// (người trúng cử), complaints and denunciations against them (khiếu nại, tố
// cáo), outgoing cadres (cán bộ không đủ tuổi tái cử), staff tasks, and the
// legal calendar (lịch pháp lý) that sets every deadline from election day.
//
// It is pure Go: no Temporal, no database. Workflows, activities, the store
// and the command lines all speak in these types, so a CouncilCode is never
// confused with a PersonID and a deadline always carries its legal source.
package election
