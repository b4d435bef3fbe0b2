// SPDX-License-Identifier: MIT
#include "ui/records/recordsfilterbar.h"

#include "ui/records/recordsfilterproxy.h"
#include "ui/widgets/localetime.h"
#include "ui/widgets/statusicons.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLineEdit>

namespace cosell {

RecordsFilterBar::RecordsFilterBar(RecordsFilterProxy *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_system(new QComboBox(this))
    , m_conflict(new QCheckBox(tr("Has conflict"), this))
    , m_error(new QCheckBox(tr("Has error"), this))
    , m_changedSince(new QCheckBox(tr("Changed since"), this))
    , m_since(new QDateTimeEdit(this))
{
    setObjectName(QStringLiteral("recordsFilterBar"));
    m_search->setObjectName(QStringLiteral("recordsSearch"));
    m_search->setPlaceholderText(tr("Search customer or deal name"));
    m_search->setClearButtonEnabled(true);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("Any status"), -1);
    for (StatusIcons::Status status : StatusIcons::all)
        m_status->addItem(StatusIcons::icon(status), StatusIcons::label(status), int(status));
    m_system->setObjectName(QStringLiteral("systemFilter"));
    m_system->addItem(tr("Any CRM"), QString());
    m_system->addItem(tr("Dynamics 365"), QStringLiteral("dynamics"));
    m_system->addItem(tr("Salesforce"), QStringLiteral("salesforce"));
    m_conflict->setObjectName(QStringLiteral("conflictFilter"));
    m_error->setObjectName(QStringLiteral("errorFilter"));
    m_changedSince->setObjectName(QStringLiteral("changedSinceFilter"));
    m_since->setObjectName(QStringLiteral("changedSinceEdit"));
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(LocaleTime::shortDateTimeFormat());
    m_since->setDateTime(QDateTime::currentDateTime().addDays(-7));
    m_since->setEnabled(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 2);
    layout->addWidget(m_status);
    layout->addWidget(m_system);
    layout->addWidget(m_conflict);
    layout->addWidget(m_error);
    layout->addWidget(m_changedSince);
    layout->addWidget(m_since);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &RecordsFilterProxy::setSearchText);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_status->currentData().toInt();
        m_proxy->setStatusFilter(
            value < 0 ? std::nullopt
                      : std::optional<StatusIcons::Status>(StatusIcons::Status(value)));
    });
    connect(m_system, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setSystemFilter(m_system->currentData().toString()); });
    connect(m_conflict, &QCheckBox::toggled, m_proxy, &RecordsFilterProxy::setOnlyWithConflict);
    connect(m_error, &QCheckBox::toggled, m_proxy, &RecordsFilterProxy::setOnlyWithError);
    connect(m_changedSince, &QCheckBox::toggled, this, [this](bool on) {
        m_since->setEnabled(on);
        applyChangedSince();
    });
    connect(m_since, &QDateTimeEdit::dateTimeChanged, this, &RecordsFilterBar::applyChangedSince);
}

void RecordsFilterBar::applyChangedSince()
{
    m_proxy->setChangedSince(m_changedSince->isChecked() ? m_since->dateTime() : QDateTime());
}

} // namespace cosell
