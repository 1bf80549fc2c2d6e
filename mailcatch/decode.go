package mailcatch

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

// maxDepth bounds how deeply nested multiparts are searched for the text.
const maxDepth = 5

// decode reads the header fields and the text/plain body of a raw message.
// A message that does not parse keeps what could be read: the page still
// shows it and its Raw.
func decode(raw []byte) Message {
	var m Message
	m.Raw = raw
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return m
	}
	dec := &mime.WordDecoder{CharsetReader: charsetReader}
	m.Subject = decodeHeader(dec, msg.Header.Get("Subject"))
	m.MessageID = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(msg.Header.Get("Message-Id")), "<"), ">")
	m.FromHeader = decodeAddresses(dec, msg.Header.Get("From"))
	m.ToHeader = decodeAddresses(dec, msg.Header.Get("To"))
	text, err := textOf(textproto.MIMEHeader(msg.Header), msg.Body, 0)
	if err == nil {
		m.Text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	return m
}

// decodeHeader decodes RFC 2047 encoded-words, keeping the raw value when
// they do not decode.
func decodeHeader(dec *mime.WordDecoder, v string) string {
	s, err := dec.DecodeHeader(v)
	if err != nil {
		return v
	}
	return s
}

// decodeAddresses renders an address list readably: names decoded and
// unquoted, "Name <addr>, <addr2>".
func decodeAddresses(dec *mime.WordDecoder, v string) string {
	if v == "" {
		return ""
	}
	list, err := (&mail.AddressParser{WordDecoder: dec}).ParseList(v)
	if err != nil {
		return decodeHeader(dec, v)
	}
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = "<" + a.Address + ">"
		if a.Name != "" {
			out[i] = a.Name + " " + out[i]
		}
	}
	return strings.Join(out, ", ")
}

// textOf finds the first text/plain part under h and body and decodes it.
// It returns "" when there is none.
func textOf(h textproto.MIMEHeader, body io.Reader, depth int) (string, error) {
	ct := h.Get("Content-Type")
	if ct == "" {
		ct = "text/plain; charset=us-ascii"
	}
	mediaType, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", fmt.Errorf("content type %q: %w", ct, err)
	}
	switch {
	case strings.HasPrefix(mediaType, "multipart/") && depth < maxDepth:
		return firstText(multipart.NewReader(body, params["boundary"]), depth)
	case mediaType == "text/plain":
		return decodeText(h.Get("Content-Transfer-Encoding"), params["charset"], body)
	}
	return "", nil
}

// firstText walks a multipart body for the first part with text.
func firstText(r *multipart.Reader, depth int) (string, error) {
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			return "", nil
		}
		if err != nil {
			return "", fmt.Errorf("multipart: %w", err)
		}
		text, err := textOf(p.Header, p, depth+1)
		if err != nil {
			return "", err
		}
		if text != "" {
			return text, nil
		}
	}
}

// decodeText undoes the transfer encoding and converts the charset to UTF-8.
func decodeText(cte, charset string, body io.Reader) (string, error) {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body)
	}
	r, err := charsetReader(charset, body)
	if err != nil {
		return "", err
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("body: %w", err)
	}
	return string(b), nil
}

// charsetReader converts from charset to UTF-8; UTF-8, US-ASCII and no
// charset pass through.
func charsetReader(charset string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(charset)) {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		return r, nil
	}
	enc, err := htmlindex.Get(charset)
	if err != nil {
		return nil, fmt.Errorf("charset %q: %w", charset, err)
	}
	return enc.NewDecoder().Reader(r), nil
}
