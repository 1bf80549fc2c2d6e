package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"electionflow/store"
)

// notificationsPerPage is how many notifications (thông báo) a page lists.
const notificationsPerPage = 100

// notificationsBody is the notifications page's data.
type notificationsBody struct {
	Page  store.NotificationPage
	Error string
	// Email is the address the user's notices are mailed to (or the one
	// just typed and refused); EmailSaved says it was just saved.
	Email      string
	EmailSaved bool
	// First and Last number the page's rows among Page.Total; Prev and
	// Next link to the pages around it, empty at either end.
	First, Last int
	Prev, Next  string
}

// notificationsURL is the notifications page number page.
func notificationsURL(page int) string {
	if page > 1 {
		return "/notifications?page=" + strconv.Itoa(page)
	}
	return "/notifications"
}

// notificationsPage lists the user's notifications, newest first, each
// linking to its task, with buttons to mark one or all read
// (GET /notifications?page=).
func (s *Server) notificationsPage(w http.ResponseWriter, r request) error {
	var body notificationsBody
	page := 1
	if v := r.URL.Query().Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1<<20 {
			body.Error = fmt.Sprintf("page %q: want a whole number from 1 to %d", v, 1<<20)
		} else {
			page = n
		}
	}
	email, err := s.ownEmail(r)
	if err != nil {
		return err
	}
	body.Email, body.EmailSaved = email, r.URL.Query().Get("email") == "saved"
	return s.showNotifications(w, r, http.StatusOK, body, page)
}

// showNotifications shows page number page of the user's notifications
// with the rest of body.
func (s *Server) showNotifications(w http.ResponseWriter, r request, status int, body notificationsBody, page int) error {
	p, err := s.Store.Notifications(r.Context(), r.User, store.NotificationQuery{Offset: (page - 1) * notificationsPerPage, Limit: notificationsPerPage})
	if err != nil {
		return fmt.Errorf("web: notifications: %w", err)
	}
	body.Page = p
	if len(p.Notifications) > 0 {
		body.First = (page-1)*notificationsPerPage + 1
		body.Last = body.First + len(p.Notifications) - 1
	}
	if page > 1 {
		body.Prev = notificationsURL(page - 1)
	}
	if page*notificationsPerPage < p.Total {
		body.Next = notificationsURL(page + 1)
	}
	return s.showStatus(w, r, status, "notifications", "notifications", body)
}

// markNotificationsRead marks one notification read (POST
// /notifications/read, id=) or all of them (all=1), then goes back to
// the notifications page. A notification the user does not receive is
// not found.
func (s *Server) markNotificationsRead(w http.ResponseWriter, r request) error {
	if r.PostFormValue("all") != "" {
		if _, err := s.Store.MarkAllNotificationsRead(r.Context(), r.User); err != nil {
			return fmt.Errorf("web: %w", err)
		}
	} else {
		id, err := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
		if err != nil {
			return errNotFound
		}
		if err := s.Store.MarkNotificationRead(r.Context(), r.User, id); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return errNotFound
			}
			return fmt.Errorf("web: %w", err)
		}
	}
	http.Redirect(w, r.Request, "/notifications", http.StatusSeeOther)
	return nil
}

// headerUnreadLimit is how far the header counts unread notifications:
// beyond it, it shows "99+", so the count stays cheap on every page.
const headerUnreadLimit = 100

// unreadNotifications is the count of unread notifications in the header
// of every page of a signed-in user: "0" to "99", or "99+".
func (s *Server) unreadNotifications(r request) (string, error) {
	n, err := s.Store.UnreadNotifications(r.Context(), r.User, headerUnreadLimit)
	if err != nil {
		return "", fmt.Errorf("web: header: %w", err)
	}
	if n >= headerUnreadLimit {
		return strconv.Itoa(headerUnreadLimit-1) + "+", nil
	}
	return strconv.Itoa(n), nil
}
