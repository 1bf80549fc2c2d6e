package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"electionflow/auth"
	"electionflow/store"
)

// ownEmail is the address where the signed-in user's notices are mailed
// (thư điện tử nhận thông báo), "" for none, read for their notifications
// page.
func (s *Server) ownEmail(r request) (string, error) {
	u, err := s.Store.UserByID(r.Context(), r.User.ID)
	if err != nil {
		return "", fmt.Errorf("web: own email: %w", err)
	}
	return u.Email, nil
}

// setOwnEmail sets or removes (an empty field) the address where the
// signed-in user's notices are mailed (POST /notifications/email), then
// goes back to the notifications page; a malformed address shows the page
// again with the reason and the address typed, and changes nothing.
func (s *Server) setOwnEmail(w http.ResponseWriter, r request) error {
	typed := r.PostFormValue("email")
	if len(typed) > 4*auth.MaxEmailLength { // shown back, cut to a sane length
		typed = strings.ToValidUTF8(typed[:4*auth.MaxEmailLength], "")
	}
	address, err := auth.NormalizeEmail(typed)
	if err != nil {
		return s.showNotifications(w, r, http.StatusUnprocessableEntity, notificationsBody{Email: typed, Error: r.L.F("email.bad", typed)}, 1)
	}
	by := store.Actor{Name: r.User.Username, Source: "web " + r.RemoteAddr}
	if err := s.Store.SetEmail(r.Context(), r.User.Username, address, by); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return errNotFound
		}
		return fmt.Errorf("web: %w", err)
	}
	http.Redirect(w, r.Request, "/notifications?email=saved", http.StatusSeeOther)
	return nil
}
