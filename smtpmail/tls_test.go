package smtpmail

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// TestMain makes a certificate for 127.0.0.1 and names it in SSL_CERT_FILE
// before anything loads the system roots, so the TLS tests run the Sender's
// real certificate verification against servers that use it.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "smtpmail-tls")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code, err := runWithCert(m, dir)
	_ = os.RemoveAll(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(code)
}

// serverCert is the certificate the TLS test servers present.
var serverCert tls.Certificate

func runWithCert(m *testing.M, dir string) (int, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return 0, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "smtpmail test"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:                  true,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return 0, err
	}
	path := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		return 0, err
	}
	if err := os.Setenv("SSL_CERT_FILE", path); err != nil {
		return 0, err
	}
	serverCert = tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
	return m.Run(), nil
}

// tlsServer is a go-smtp server with TLS that allows AUTH only once the
// connection is encrypted, and reports who sent each message.
type tlsServer struct{ got chan string }

func (s *tlsServer) NewSession(*smtp.Conn) (smtp.Session, error) { return &tlsSession{srv: s}, nil }

type tlsSession struct {
	srv  *tlsServer
	user string
}

func (s *tlsSession) AuthMechanisms() []string { return []string{sasl.Plain} }
func (s *tlsSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != "bau-cu" || pass != "s3cret" {
			return smtp.ErrAuthFailed
		}
		s.user = user
		return nil
	}), nil
}
func (s *tlsSession) Mail(string, *smtp.MailOptions) error {
	if s.user == "" {
		return smtp.ErrAuthRequired
	}
	return nil
}
func (s *tlsSession) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (s *tlsSession) Data(r io.Reader) error {
	if _, err := io.Copy(io.Discard, r); err != nil {
		return err
	}
	s.srv.got <- s.user
	return nil
}
func (s *tlsSession) Reset()        {}
func (s *tlsSession) Logout() error { return nil }

// startTLSServer serves SMTP with STARTTLS, or TLS from the first byte when
// implicit, and returns its port.
func startTLSServer(t *testing.T, implicit bool) (*tlsServer, int) {
	t.Helper()
	backend := &tlsServer{got: make(chan string, 10)}
	srv := smtp.NewServer(backend)
	srv.Domain = "127.0.0.1"
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{serverCert}, MinVersion: tls.VersionTLS12}
	var ln net.Listener
	var err error
	if implicit {
		ln, err = tls.Listen("tcp", "127.0.0.1:0", srv.TLSConfig)
	} else {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(ln)
	}()
	t.Cleanup(func() {
		_ = srv.Close()
		_ = ln.Close()
		<-done
	})
	return backend, ln.Addr().(*net.TCPAddr).Port
}

func TestSendOverTLSWithAuth(t *testing.T) {
	for _, mode := range []TLS{TLSStartTLS, TLSImplicit} {
		t.Run(string(mode), func(t *testing.T) {
			srv, port := startTLSServer(t, mode == TLSImplicit)
			cfg := Config{Host: "127.0.0.1", Port: port, TLS: mode, From: testFrom, Username: "bau-cu", Password: "s3cret"}
			for i, err := range newSender(t, cfg).Send(context.Background(), []Message{notice(1), notice(2)}) {
				if err != nil {
					t.Fatalf("message %d: %v", i, err)
				}
			}
			for range 2 {
				if user := <-srv.got; user != "bau-cu" {
					t.Fatalf("sent as %q", user)
				}
			}
			cfg.Password = "wrong"
			for i, err := range newSender(t, cfg).Send(context.Background(), []Message{notice(3), notice(4)}) {
				if err == nil || Permanent(err) {
					t.Fatalf("message %d with a wrong password: %v, want a non-permanent error", i, err)
				}
			}
		})
	}
}

func TestNoPasswordInClearTextToARemoteHost(t *testing.T) {
	// 127.0.0.2 is loopback on Linux but not "localhost" to go-mail, which
	// therefore treats it as remote.
	catcher, cfg := startCatcherOn(t, "127.0.0.2:0")
	cfg.Username, cfg.Password = "bau-cu", "s3cret"
	err := newSender(t, cfg).Send(context.Background(), []Message{notice(1)})[0]
	if err == nil || !strings.Contains(err.Error(), "unencrypted") {
		t.Fatalf("err = %v: want a refusal to send the password in clear text to a remote host", err)
	}
	if n := len(catcher.Messages()); n != 0 {
		t.Fatalf("caught %d", n)
	}
}
