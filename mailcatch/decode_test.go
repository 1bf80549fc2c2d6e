package mailcatch

import (
	"strings"
	"testing"
)

// crlf turns a readable fixture into the CRLF lines SMTP carries.
func crlf(s string) []byte { return []byte(strings.ReplaceAll(s, "\n", "\r\n")) }

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want Message
	}{
		{
			name: "quoted-printable with an encoded subject and names",
			raw: `From: =?utf-8?q?=E1=BB=A6y_ban_b=E1=BA=A7u_c=E1=BB=AD?= <bau-cu@example.vn>
To: =?UTF-8?q?Nguy=E1=BB=85n_V=C4=83n_An?= <an@example.vn>, <binh@example.vn>
Subject: =?UTF-8?q?Nhi=E1=BB=87m_v=E1=BB=A5_m=E1=BB=9Bi?=
 =?UTF-8?q?:_x=C3=A1c_nh=E1=BA=ADn?=
Message-ID: <notice-1@electionflow>
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

K=C3=ADnh g=E1=BB=ADi anh An, m=E1=BB=99t d=C3=B2ng d=C3=A0i =
ti=E1=BA=BFp t=E1=BB=A5c.
H=E1=BA=BFt.
`,
			want: Message{FromHeader: "Ủy ban bầu cử <bau-cu@example.vn>", ToHeader: "Nguyễn Văn An <an@example.vn>, <binh@example.vn>",
				Subject: "Nhiệm vụ mới: xác nhận", MessageID: "notice-1@electionflow",
				Text: "Kính gửi anh An, một dòng dài tiếp tục.\nHết.\n"},
		},
		{
			name: "base64 body, base64 subject",
			raw: `Subject: =?UTF-8?B?SOG7mWkgxJHhu5NuZyBuaMOibiBkw6Ju?=
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: base64

SOG7mWkgxJHhu5NuZyBuaMOi
biBkw6JuCg==
`,
			want: Message{Subject: "Hội đồng nhân dân", Text: "Hội đồng nhân dân\n"},
		},
		{
			name: "multipart/mixed around multipart/alternative: the text/plain part",
			raw: `Subject: plain ascii
Content-Type: multipart/mixed; boundary=outer

--outer
Content-Type: multipart/alternative; boundary="inner"

--inner
Content-Type: text/html; charset=utf-8

<p>HTML</p>
--inner
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

=C4=90=E1=BA=A1i bi=E1=BB=83u
--inner--
--outer
Content-Type: application/pdf
Content-Transfer-Encoding: base64

JVBERi0=
--outer--
`,
			want: Message{Subject: "plain ascii", Text: "Đại biểu"},
		},
		{
			name: "Latin-1 body",
			raw:  "Subject: =?iso-8859-1?q?caf=E9?=\nContent-Type: text/plain; charset=iso-8859-1\n\ncaf\xe9\n",
			want: Message{Subject: "café", Text: "café\n"},
		},
		{
			name: "no Content-Type: US-ASCII text",
			raw:  "Subject: hello\n\nline 1\nline 2\n",
			want: Message{Subject: "hello", Text: "line 1\nline 2\n"},
		},
		{
			name: "unknown charset: no text, header kept raw",
			raw:  "Subject: =?x-klingon?q?abc?=\nContent-Type: text/plain; charset=x-klingon\n\nabc\n",
			want: Message{Subject: "=?x-klingon?q?abc?="},
		},
		{
			name: "only HTML: no text",
			raw:  "Subject: s\nContent-Type: text/html\n\n<p>x</p>\n",
			want: Message{Subject: "s"},
		},
		{
			name: "bad Content-Type: no text",
			raw:  "Subject: s\nContent-Type: ;;;\n\nx\n",
			want: Message{Subject: "s"},
		},
		{
			name: "not a message at all",
			raw:  "this is not a header\n",
			want: Message{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := crlf(tt.raw)
			got := decode(raw)
			if string(got.Raw) != string(raw) {
				t.Errorf("Raw not kept")
			}
			got.Raw = nil
			if got.Subject != tt.want.Subject || got.Text != tt.want.Text || got.MessageID != tt.want.MessageID ||
				got.FromHeader != tt.want.FromHeader || got.ToHeader != tt.want.ToHeader {
				t.Fatalf("decode =\n%#v\nwant\n%#v", got, tt.want)
			}
		})
	}
}
