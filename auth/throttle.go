package auth

import "time"

// The throttling policy for failed sign-ins (chống dò mật khẩu): after
// ThrottleFailures failures for one user name within ThrottleWindow,
// sign-in for that name is refused for ThrottleLockout after the last of
// them.
const (
	ThrottleFailures = 5
	ThrottleWindow   = 15 * time.Minute
	ThrottleLockout  = 15 * time.Minute
	// ThrottleLookback is how far back the failures passed to LockedUntil
	// must reach.
	ThrottleLookback = ThrottleWindow + ThrottleLockout
)

// LockedUntil applies the throttling policy: given the times of failed
// sign-ins for one user name (any order, at least ThrottleLookback back),
// it returns when sign-in opens again, or the zero time when it is open at
// now. While locked, the caller refuses without checking the password and
// with the same message as a wrong password; failures recorded while locked
// count too, so a name under attack stays locked.
func LockedUntil(failures []time.Time, now time.Time) time.Time {
	var until time.Time
	for _, f := range failures {
		if f.After(now) {
			continue
		}
		n := 0
		for _, g := range failures {
			if !g.After(f) && g.After(f.Add(-ThrottleWindow)) {
				n++
			}
		}
		if n >= ThrottleFailures {
			if end := f.Add(ThrottleLockout); end.After(until) {
				until = end
			}
		}
	}
	if !until.After(now) {
		return time.Time{}
	}
	return until
}
