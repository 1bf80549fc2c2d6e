package election

import "time"

// OfficeZone returns Viet Nam's time (giờ Việt Nam, UTC+7, no daylight
// saving), in which every deadline falls and every time is shown. It is
// fixed, so that no time zone database is needed; the web pages, the
// certificates, the command line and the workflows all read it here.
func OfficeZone() *time.Location { return time.FixedZone("ICT", 7*60*60) }

// EndOfOfficeDay is 17:00 Viet Nam time on d: when a task due that day
// falls due.
func (d Date) EndOfOfficeDay() time.Time { return d.In(OfficeZone()).Add(17 * time.Hour) }

// Today returns the date of t in Viet Nam.
func Today(t time.Time) Date { return DateOf(t.In(OfficeZone())) }
