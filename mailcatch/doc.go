// Package mailcatch is a local SMTP server that keeps the mail it receives
// instead of delivering it, for devstack and tests: electionflow's email
// notifications (thông báo qua thư điện tử) are sent to it over real SMTP
// and can then be read as decoded Messages, waited for, or browsed on a page
// (Handler). RefuseNext makes it refuse recipients so tests can watch a send
// fail part way.
package mailcatch
