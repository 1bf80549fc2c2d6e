package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/store"
)

// demoPassword signs in every demo user: devstack is a laptop's
// throwaway stack, and the password is printed at start.
const demoPassword = "demo-electionflow"

// DemoUser is a demo account devstack creates for the demo election.
type DemoUser struct {
	Username string
	Grant    auth.Grant
}

// listen takes host:port (0: any free port) for what, and returns the
// listener and its http:// URL.
func listen(what, host string, port int) (net.Listener, string, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", what, err)
	}
	return ln, "http://" + ln.Addr().String(), nil
}

// serve serves h on ln and returns a function that shuts it down.
func serve(ln net.Listener, h http.Handler) func() {
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = hs.Serve(ln) }()
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(ctx)
	}
	return stop
}

// createDemoUsers gives each role of the demo election an account: the
// staff roles and the manager for the whole election, and a council
// office for the first commune, as a commune's staff would sign in.
// Users already there are kept.
func createDemoUsers(ctx context.Context, s *store.Store, term election.Term) ([]DemoUser, error) {
	councils, err := s.Councils(ctx, store.CouncilFilter{Term: term})
	if err != nil {
		return nil, err
	}
	var commune election.Council
	for _, c := range councils {
		if c.Level == election.LevelCommune {
			commune = c
			break
		}
	}
	whole := auth.ElectionScope(term)
	users := []DemoUser{
		{"admin", auth.Grant{Role: election.RoleAdministrator, Scope: whole}},
		{"ubbc", auth.Grant{Role: election.RoleElectionCommittee, Scope: whole}},
		{"tccb", auth.Grant{Role: election.RoleHR, Scope: whole}},
		{"thiduakhenthuong", auth.Grant{Role: election.RoleEmulationBoard, Scope: whole}},
		{"pheduyet", auth.Grant{Role: election.RoleApprovingOfficial, Scope: whole}},
		{"lanhdao", auth.Grant{Role: election.RoleManager, Scope: whole}},
	}
	if commune.Code != "" {
		users = append(users, DemoUser{"vanphong." + string(commune.Code),
			auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, commune.Code)}})
	}
	users = append(users, DemoUser{"vanphong", auth.Grant{Role: election.RoleCouncilOffice, Scope: whole}})
	hash, err := auth.HashPassword(demoPassword)
	if err != nil {
		return nil, err
	}
	actor := store.Actor{Name: "devstack", Role: election.RoleAdministrator, Source: "devstack"}
	for _, u := range users {
		_, err := s.CreateUser(ctx, u.Username, "Demo "+u.Username, hash, actor)
		if err != nil && !errors.Is(err, store.ErrExists) {
			return nil, err
		}
		if err := s.GrantRole(ctx, u.Username, u.Grant, actor); err != nil {
			return nil, err
		}
		if err := s.SetEmail(ctx, u.Username, demoEmail(u.Username), actor); err != nil {
			return nil, err
		}
	}
	return users, nil
}

// demoEmail is the address of a demo user, whose mail devstack catches:
// example.org's kind of domain, reserved so that nothing can ever reach a
// real mailbox.
func demoEmail(username string) string { return username + "@electionflow.example" }

// demoUsersText lists the demo accounts for the start-up message.
func demoUsersText(users []DemoUser) string {
	if len(users) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "  Sign in with password %q as:\n", demoPassword)
	for _, u := range users {
		fmt.Fprintf(&b, "    %-22s %s\n", u.Username, u.Grant)
	}
	return b.String()
}
