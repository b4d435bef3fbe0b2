<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>cosell::AboutDialog</name>
    <message>
        <source>About Co-sell Sync Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-sell Sync Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps Microsoft Partner Center co-sell referrals and CRM opportunities (Dynamics 365, Salesforce) in step, in both directions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licences:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-sell Sync Console: MIT licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt: GNU LGPL version 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QtKeychain: BSD 3-clause licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenSSL: Apache licence 2.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite: public domain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::AuditPage</name>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every sync decision and every write, with the value before and after, in a tamper-evident log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter entries by record, field, user, time and outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see the request ids of each write for support cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify that no entry was edited or removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export entries for a review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::ComingSoonPanel</name>
    <message>
        <source>Coming soon: this page is not built yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will let you:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields that changed on both sides since the last sync wait here for you to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see the base value, the Partner Center value and the CRM value of each conflicting field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep one side or enter a new value, for one field or for many at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see who resolved each conflict and when, in the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::ConsoleOptions</name>
    <message>
        <source>Keeps Partner Center co-sell referrals and CRM opportunities in step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run against the built-in sandbox with sample data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the user interface: %1 (default: from the system locale).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache database to use (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::DashboardPage</name>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for changes on both sides and sync them now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More is coming to this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health of the sync at a glance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see how many referrals and opportunities are linked, pending, in conflict or failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check that Partner Center webhooks arrive and when the last sweep ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watch the API budgets of Partner Center, Dynamics 365 and Salesforce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 records checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for changes…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-sell Sync Console (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-sell Sync Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Co-sell Sync Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: sample data from the built-in sandbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::MappingPage</name>
    <message>
        <source>Field mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide which referral fields go to which CRM fields, in which direction and how values are converted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start from the default mapping for Dynamics 365 or Salesforce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set the direction, the transform and the conflict policy of each field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the mapping against your CRM before it is used, with clear messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preview what a change would do to existing records</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::RecordDetailPanel</name>
    <message>
        <source>Show base values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base is the value both sides last agreed on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmapped fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record to see both sides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — referral %2 ↔ opportunity %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differs (no base yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::RecordsFilterBar</name>
    <message>
        <source>Has conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search customer or deal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamics 365</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salesforce</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::RecordsModel</name>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This opportunity has no referral yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This referral has no opportunity yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::RecordsPage</name>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Partner Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry failed write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn sync off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop syncing this record; it is shown as ignored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::SettingsPage</name>
    <message>
        <source>This console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: the built-in sandbox with sample data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: your Partner Center and CRM accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More settings are coming to this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections, webhook and schedule will be set here and in the setup wizard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign in to Partner Center and to Dynamics 365 or Salesforce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>register the Partner Center webhook and test that it arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose how often the sweep runs and which conflicts settle themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run the setup wizard again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::StatusIcons</name>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The referral and the opportunity agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change is waiting to be written to the other side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides changed the same field; choose which value to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last attempt to write this record failed; see the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record has no counterpart on the other side yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The opportunity is set to Sync with Partner Center = No.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::SyncStateIndicator</name>
    <message>
        <source>Sync stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
