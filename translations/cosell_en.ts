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
    <name>cosell::ConsoleEngine</name>
    <message>
        <source>The setup is not complete: no CRM was chosen. Run the setup wizard (File › Run setup wizard…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync cannot start: %1. It tries again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again: %1 refused the saved sign-in, or none is saved. Run the setup wizard (File › Run setup wizard…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center</source>
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
    <name>cosell::CrmPage</name>
    <message>
        <source>Sync with Partner Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How can Microsoft help?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral Visibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft CRM Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check fields again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your CRM, sign in, and check the custom fields the sync needs on the opportunity.</source>
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
    <message>
        <source>CRM:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom fields on the opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of your CRM first, for example %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the sign-in in the browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the fields…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All custom fields are present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing on the opportunity: %1.
Add these fields in the CRM (the Partner Center co-sell solution creates them), or, if your CRM names them differently, type its names above and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salesforce Setup › App Manager › your connected app › View › Manage Consumer Details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer key (connected app):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the consumer key of your Salesforce connected app first (Setup › App Manager › your app › View › Manage Consumer Details).</source>
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
    <name>cosell::DonePage</name>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-sell Sync is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salesforce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamics 365</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center: signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown account)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM: %1 at %2, all custom fields present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook: %1, test event received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook: %1, not tested; the periodic sweep still syncs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field mapping: the default mapping for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was set up:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click Finish to go to the console. You can run this wizard again from Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::FieldLabels</name>
    <message>
        <source>Referral Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with Partner Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes / Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status and substatus ↔ CRM stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How can Microsoft help?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral visibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft CRM Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products (obsolete solution id list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer country (ISO 3166-1 alpha-2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer contact first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer contact last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer contact email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer contact phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::FirstSyncPage</name>
    <message>
        <source>Plan again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the first sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dry run shows what the first sync will do. Nothing is written until you start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunities to create in the CRM:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals to create in Partner Center:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Existing pairs to link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records to update:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts to settle by hand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first sync was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Records written so far stay; start again to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first sync failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync pass failed. The Dashboard and the Audit trail say why; start again once it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first sync finished; the sync keeps running in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first sync finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading both sides for the dry run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run failed: %1
Go back and check the sign-ins, then plan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Planned. %n record(s) miss what Partner Center requires and will be reported in the Audit trail.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
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
    <message>
        <source>Run setup &amp;wizard…</source>
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
    <name>cosell::MappingSummaryPage</name>
    <message>
        <source>not synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both ways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to Partner Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which referral fields go to which opportunity fields. The default mapping follows Microsoft&apos;s documented behaviour; you can change it later.</source>
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
        <source>Updates go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the mapping editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change fields, directions and conflict rules in the Field mapping page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salesforce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamics 365</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default mapping for %1 cannot be loaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The default mapping for %1 maps %n field(s); %2 of them are updated both ways.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cosell::PartnerCenterPage</name>
    <message>
        <source>Sign in with the browser on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in on another device with a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Partner Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with an account of your partner organization that has the Referrals admin role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking for a device code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the sign-in in the browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in. Checking access to referrals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1. Referrals can be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown account)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; on any device and enter this code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for you to enter the code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Entra admin center › App registrations › your app › Overview. Used for Partner Center and Dynamics 365 sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Microsoft Entra app registration of your organization, used to sign in to Partner Center and Dynamics 365.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application (client) ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Application (client) ID of your Microsoft Entra app registration first (Entra admin center › App registrations).</source>
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
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::RecordHistoryView</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
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
    <message>
        <source>The sync engine is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM address is not known yet: connect the CRM in the setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this opportunity in the CRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the failed writes of this record again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn sync on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The opportunity says Sync with Partner Center = No: change it in the CRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync this record again; the next pass reconciles both sides.</source>
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
    <message>
        <source>Run setup wizard…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::SetupWizard</name>
    <message>
        <source>Set up Co-sell Sync (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up Co-sell Sync</source>
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
    <message>
        <source>Checking the sign-ins…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::WebhookPage</name>
    <message>
        <source>A referral is created (referral-created)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A referral is updated (referral-updated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A related referral is created (related-referral-created)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A related referral is updated (related-referral-updated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite the existing registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center calls this console when a referral changes. Without a webhook the sync still works, a little later, through the periodic sweep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on (address:port):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events to register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test event (test-created) is always registered, so the next page can check that events arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered in Partner Center now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an address and a port, for example 127.0.0.1:8443 (port 0 picks a free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the receiver…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiver cannot listen there: %1
Choose another port, or stop the program that uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the current registration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is registered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL: %1
Events: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the public URL that reaches this receiver, starting with https://. Partner Center calls only https addresses; a reverse proxy forwards them to the listen address above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A webhook is already registered (shown above). Tick &quot;Overwrite the existing registration&quot; to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered. Partner Center now calls %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::WebhookTestPage</name>
    <message>
        <source>Send a test event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on without webhooks for now (the periodic sweep still syncs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center sends a test event to the public URL; this page shows it arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking Partner Center to send the test event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sent. Waiting up to %n second(s) for it to arrive…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The test event arrived at %1 and its signature checked out. Webhooks work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test event did not arrive in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public URL does not reach this computer: check the DNS name, the reverse proxy and the firewall (inbound HTTPS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reverse proxy forwards to another address or port than the receiver listens on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registration points to another URL: go back one page and register again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center is slow to deliver: wait a minute and send the test event again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The receiver refused %n request(s): the signature or the certificate did not check out. Check the computer&apos;s clock and the trusted certificates.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Likely causes:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This wizard connects Partner Center and your CRM and starts the sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will happen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Partner Center and check your access to referrals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Dynamics 365 or Salesforce and check the custom fields on the opportunity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the Partner Center webhook and test that an event arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the default field mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See what the first sync will do, then run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles you need:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center: Referrals admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamics 365: System Administrator or System Customizer; Salesforce: System Administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: every page is filled in against the built-in sandbox. Click Next to go through.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cosell::WizardText</name>
    <message>
        <source>The sign-in service cannot be reached. Check the network connection and the proxy settings, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was refused. Check the account and password, make sure the app may be used in your organization, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in did not finish. Sign in again; if the browser did not open, use a device code instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Details: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is signed in but may not read referrals. Ask a global admin to give it the Referrals admin role in Partner Center (Account settings, User management), then check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center did not accept the sign-in. Sign in again with an account of your partner organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center cannot be reached. Check the network connection and the proxy settings, then check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center answered with an error. Wait a minute and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM account may not read the opportunity definition. Use an account with the System Administrator or System Customizer role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM did not accept the sign-in. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM address seems wrong: nothing answers there. Check the instance URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM cannot be reached. Check the instance URL and the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CRM answered with an error. Check the instance URL and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center refused the webhook registration. The account needs the Referrals admin role; sign in again on the Partner Center page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center did not accept the registration. Check that the public URL starts with https:// and is reachable from the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner Center asks to wait before trying again. Wait a minute, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook API cannot be reached. Check the network connection, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
