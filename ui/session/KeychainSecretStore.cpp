#include "KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

namespace {

// A keyring that does not answer (a hung daemon) must not hang the window for ever.
constexpr int KeyringTimeoutMs = 15000;

// Runs the job to its end; true when it succeeded.
bool run(QKeychain::Job &job, QString *error)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(KeyringTimeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!done)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!done) {
        if (error)
            *error = QObject::tr("the keyring did not answer within %1 s").arg(KeyringTimeoutMs / 1000);
        return false;
    }
    if (job.error() != QKeychain::NoError) {
        if (error)
            *error = job.errorString();
        return false;
    }
    return true;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{
}

bool KeychainSecretStore::write(const QString &key, const QByteArray &value, QString *error)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(key);
    job.setBinaryData(value);
    return run(job, error);
}

std::optional<QByteArray> KeychainSecretStore::read(const QString &key, QString *error)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(key);
    if (!run(job, error))
        return std::nullopt;
    return job.binaryData();
}

bool KeychainSecretStore::remove(const QString &key, QString *error)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    return run(job, error) || job.error() == QKeychain::EntryNotFound;
}
