// Package demo generates a realistic but entirely fake election roster
// (election.Roster) for demos and national rehearsals, so that they exercise
// the real import path — roster files, checklist workflows, task inboxes and
// reports — without a single real person's data.
//
// The roster has the shape of the 2026–2031 general election after the
// two-level local government reform of 1 July 2025: the National Assembly
// (optional), People's Councils of real provinces and centrally-run cities
// (34 after the 2025 merger, with their administrative codes), and commune,
// ward and special-zone councils with made-up names. Council sizes follow
// the legal ranges of election.DefaultLevels; elected persons have
// Vietnamese names, birth dates and 12-digit citizen IDs laid out like the
// real căn cước scheme; a small share of them face complaints or
// denunciations; each council has a few outgoing cadres near retirement.
//
// Generation is deterministic: the same Params, seed included, always give
// a deeply equal roster, so a rehearsal can be repeated and a failure
// reproduced. Everything is drawn from one PCG stream (math/rand/v2) in a
// fixed order. The national rehearsal (NationalRehearsal: 34 provinces, 98
// communes each and the National Assembly, about 78,000 elected persons)
// takes a fraction of a second.
//
// Every name, citizen ID, birth date and salary is invented; any likeness to
// a real person is a coincidence. Commune codes and names are not the real
// ones.
package demo
