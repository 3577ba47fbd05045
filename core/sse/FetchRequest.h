#pragma once

#include <QByteArray>
#include <QIODevice>

// The Fetch Standard's rules for the request an EventSource sends: its method, its body, and what
// a redirect does to them.
namespace FetchRequest {

// An HTTP token (a method, a header name): one or more of A-Z a-z 0-9 !#$%&'*+-.^_`|~.
bool isToken(QByteArrayView text);

// DELETE, GET, HEAD, OPTIONS, POST and PUT in upper case, whatever case they came in; any other
// token as it was given; GET for none.
QByteArray normalizedMethod(const QByteArray &method);

// CONNECT, TRACE and TRACK, in any case: Fetch refuses to send them.
bool isForbiddenMethod(const QByteArray &method);

// Content-Encoding, Content-Language, Content-Location and Content-Type: the headers that describe
// a body, which go with it when a redirect turns the request into a GET.
bool isRequestBodyHeader(const QByteArray &name);

// Whether following a redirect of this status turns a request of this (normalised) method into a
// GET without a body: 301 and 302 do it to a POST, 303 to anything but GET and HEAD; 307 and 308
// keep the method and the body.
bool redirectBecomesGet(int status, const QByteArray &method);

// A request body (empty for most) that cannot be rewound. When a close-delimited response ends,
// Qt 6.4 can take the close for a failure of the already answered request and silently send it
// again on a new connection (a phantom subscription carrying an old Last-Event-ID). Resending
// needs the body rewound; refusing makes Qt drop the resend and report ContentReSendError instead.
class NoRewindBody : public QIODevice
{
public:
    explicit NoRewindBody(QByteArray bytes);
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_bytes.size(); }
    bool reset() override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    const QByteArray m_bytes;
};

} // namespace FetchRequest
