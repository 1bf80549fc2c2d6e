package devserver

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"

	uiserver "github.com/temporalio/ui-server/v2/server"
	uiconfig "github.com/temporalio/ui-server/v2/server/config"
	uiserveroptions "github.com/temporalio/ui-server/v2/server/server_options"
)

// uiStopTimeout bounds how long Stop waits for the UI server's serve loop
// to return after it was closed.
const uiStopTimeout = 5 * time.Second

// webUI is a running Temporal Web UI serving its embedded assets.
type webUI struct {
	srv  *uiserver.Server
	url  string
	done chan struct{} // closed when the serve loop has returned
}

// startUI starts the Temporal Web UI on host:port, talking to the frontend
// at frontendAddr, and waits until it answers its health route.
//
// The configuration mirrors the Temporal CLI dev server: the UI assets are
// the ones embedded in ui-server (UIAssetPath empty), CSRF cookies work over
// plain HTTP, and the UI's own request log is hidden.
func startUI(ctx context.Context, host string, port int, frontendAddr, namespace string) (*webUI, error) {
	// ui-server's Start calls the echo logger's Fatal (os.Exit) when it cannot
	// bind, so make sure the port is still free right before starting it.
	if err := checkPortFree(host, port); err != nil {
		return nil, fmt.Errorf("start UI: %w", err)
	}
	srv := uiserver.NewServer(uiserveroptions.WithConfigProvider(&uiconfig.Config{
		Host:                bracketIPv6(host),
		Port:                port,
		TemporalGRPCAddress: frontendAddr,
		EnableUI:            true,
		DefaultNamespace:    namespace,
		CORS:                uiconfig.CORS{CookieInsecure: true},
		HideLogs:            true,
		DisableNewsFetch:    true,
	}))
	u := &webUI{
		srv:  srv,
		url:  "http://" + net.JoinHostPort(host, strconv.Itoa(port)),
		done: make(chan struct{}),
	}
	go func() {
		defer close(u.done)
		// Start blocks until Stop closes the server, then returns nil.
		_ = srv.Start()
	}()
	if err := waitHTTPOK(ctx, u.url+"/healthz"); err != nil {
		u.stop()
		return nil, fmt.Errorf("start UI at %s: %w", u.url, err)
	}
	return u, nil
}

// stop closes the UI server and waits (bounded) for its serve loop to end.
func (u *webUI) stop() {
	u.srv.Stop()
	select {
	case <-u.done:
	case <-time.After(uiStopTimeout):
	}
}

// bracketIPv6 wraps an IPv6 literal in brackets, since ui-server joins host
// and port with a plain colon.
func bracketIPv6(host string) string {
	if ip := net.ParseIP(host); ip != nil && ip.To4() == nil {
		return "[" + host + "]"
	}
	return host
}

// waitHTTPOK polls url until it answers 200 OK or ctx is done.
func waitHTTPOK(ctx context.Context, url string) error {
	client := &http.Client{Timeout: 2 * time.Second}
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var lastErr error
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return fmt.Errorf("build request for %s: %w", url, err)
		}
		resp, err := client.Do(req)
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			lastErr = fmt.Errorf("GET %s: status %s", url, resp.Status)
		} else {
			lastErr = err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("not healthy (last error: %v): %w", lastErr, ctx.Err())
		case <-tick.C:
		}
	}
}
