package auth

import "time"

// The throttling policy for failed sign-ins (chống dò mật khẩu). It counts
// the failures of one key, a user name together with the client address it
// is typed from (ClientKey), since that key's last successful sign-in and
// within ThrottleWindow. The first ThrottleFreeFailures failures cost
// nothing; after that each attempt must wait a delay that doubles with
// every further failure, from ThrottleFirstDelay up to ThrottleMaxDelay,
// counted from the key's last failure. An attempt that comes sooner is
// refused without checking the password.
//
// So a guesser at one address gets about a dozen guesses in the first
// quarter of an hour and four an hour after that, while the owner of the
// name, at another address, signs in as usual: nobody can lock a colleague
// out by typing their name wrongly. Unknown user names are throttled the
// same way, so a refusal says nothing about who exists.
const (
	ThrottleFreeFailures = 3
	ThrottleFirstDelay   = time.Second
	ThrottleMaxDelay     = 15 * time.Minute
	// ThrottleWindow is how long a failure counts.
	ThrottleWindow = 24 * time.Hour
)

// ThrottleDelay is how long a key with failures failed attempts must wait
// after the last of them before its next attempt is checked.
func ThrottleDelay(failures int) time.Duration {
	if failures < ThrottleFreeFailures {
		return 0
	}
	d := ThrottleFirstDelay
	for range failures - ThrottleFreeFailures {
		d *= 2
		if d >= ThrottleMaxDelay {
			return ThrottleMaxDelay
		}
	}
	return d
}

// NextAttemptAt is when a key with failures failed attempts, the last at
// last, may next have a password checked; when it is not after now, an
// attempt at now is checked.
func NextAttemptAt(failures int, last time.Time) time.Time {
	if failures < ThrottleFreeFailures {
		return time.Time{}
	}
	return last.Add(ThrottleDelay(failures))
}
