<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_BE">
<context>
    <name>Agenda</name>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Triogesprek</source>
        <translation>Triogesprek</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <source>ZRM reassessment</source>
        <translation>ZRM-meting</translation>
    </message>
    <message>
        <source>Consent expires</source>
        <translation>Toestemming verloopt</translation>
    </message>
    <message>
        <source>Group session</source>
        <translation>Groepssessie</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>maandag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>dinsdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>woensdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>donderdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>vrijdag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>zaterdag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>zondag</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Whose week</source>
        <translation>Wiens week</translation>
    </message>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ Vorige week</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>Volgende week ▶</translation>
    </message>
    <message>
        <source>Week shown</source>
        <translation>Getoonde week</translation>
    </message>
    <message>
        <source>Export as calendar file…</source>
        <translation>Exporteren als agendabestand…</translation>
    </message>
    <message>
        <source>An .ics file of your week: aliases and initials only, no names or places</source>
        <translation>Een .ics-bestand van uw week: enkel aliassen en initialen, geen namen of plaatsen</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>My week</source>
        <translation>Mijn week</translation>
    </message>
    <message>
        <source>The whole team</source>
        <translation>Het hele team</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Week van %1</translation>
    </message>
    <message numerus="yes">
        <source>Follow-up after %n month(s)</source>
        <translation>
            <numerusform>Opvolging na %n maand</numerusform>
            <numerusform>Opvolging na %n maanden</numerusform>
        </translation>
    </message>
    <message>
        <source>Week %1 · %2 – %3</source>
        <translation>Week %1 · %2 – %3</translation>
    </message>
    <message>
        <source>Save your week as</source>
        <translation>Uw week bewaren als</translation>
    </message>
    <message>
        <source>Calendar files (*.ics);;All files (*)</source>
        <translation>Agendabestanden (*.ics);;Alle bestanden (*)</translation>
    </message>
    <message numerus="yes">
        <source>Your week was saved in %1 (%n item(s)).</source>
        <translation>
            <numerusform>Uw week is bewaard in %1 (%n item).</numerusform>
            <numerusform>Uw week is bewaard in %1 (%n items).</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Niet bewaard.</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>New agreement or to-do</source>
        <translation>Nieuwe afspraak of to-do</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>&amp;Agreement</source>
        <translation>&amp;Afspraak</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Wie doet het</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Wie</translation>
    </message>
    <message>
        <source>Name of the owner</source>
        <translation>Naam van wie het doet</translation>
    </message>
    <message>
        <source>&amp;Name (optional)</source>
        <translation>&amp;Naam (optioneel)</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Vervaldatum</translation>
    </message>
    <message>
        <source>D&amp;ue date</source>
        <translation>&amp;Vervaldatum</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Approve a laptop</source>
        <translation>Een laptop goedkeuren</translation>
    </message>
    <message>
        <source>“%1” joined with your invitation for %2 as %3. Approve it only when the safety code below is exactly the one on that laptop&apos;s screen (Settings → Synchronisation). If they differ, someone else may be pretending to be that laptop: do not approve it.</source>
        <translation>“%1” sloot aan met uw uitnodiging voor %2 als %3. Keur hem alleen goed als de veiligheidscode hieronder precies dezelfde is als die op het scherm van die laptop (Instellingen → Synchronisatie). Verschillen ze, dan doet iemand anders zich misschien voor als die laptop: keur hem dan niet goed.</translation>
    </message>
    <message>
        <source>Safety code of the laptop</source>
        <translation>Veiligheidscode van de laptop</translation>
    </message>
    <message>
        <source>The codes are the same: approve</source>
        <translation>De codes zijn gelijk: goedkeuren</translation>
    </message>
    <message>
        <source>Approve the laptop</source>
        <translation>De laptop goedkeuren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Who came on %1</source>
        <translation>Wie kwam er op %1</translation>
    </message>
    <message>
        <source>Each registered person gets this session as a group contact moment in their file, also when they did not come. People who came without being registered are only counted.</source>
        <translation>Elke ingeschreven persoon krijgt deze sessie als groepscontact in het dossier, ook wie niet kwam. Wie kwam zonder ingeschreven te zijn, wordt enkel geteld.</translation>
    </message>
    <message>
        <source>Registered people who came</source>
        <translation>Ingeschreven personen die kwamen</translation>
    </message>
    <message>
        <source>&amp;Came</source>
        <translation>&amp;Aanwezig</translation>
    </message>
    <message>
        <source>People who came without being registered</source>
        <translation>Aanwezigen die niet ingeschreven zijn</translation>
    </message>
    <message>
        <source>&amp;Not registered</source>
        <translation>&amp;Niet ingeschreven</translation>
    </message>
    <message>
        <source>What happened (shareable)</source>
        <translation>Wat er gebeurde (deelbaar)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Samenvatting</translation>
    </message>
    <message>
        <source>Life domains touched</source>
        <translation>Aangeraakte levensdomeinen</translation>
    </message>
    <message>
        <source>&amp;Life domains</source>
        <translation>&amp;Levensdomeinen</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>Vault created</source>
        <translation>Kluis gemaakt</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Ontgrendeld</translation>
    </message>
    <message>
        <source>Unlocked with recovery key</source>
        <translation>Ontgrendeld met herstelsleutel</translation>
    </message>
    <message>
        <source>Failed unlock attempt</source>
        <translation>Mislukte poging om te ontgrendelen</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Vergrendeld</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Wachtwoordzin gewijzigd</translation>
    </message>
    <message>
        <source>New recovery key made</source>
        <translation>Nieuwe herstelsleutel gemaakt</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Back-up gemaakt</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Back-up teruggezet</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Instelling gewijzigd</translation>
    </message>
    <message>
        <source>Person file opened</source>
        <translation>Persoonsdossier geopend</translation>
    </message>
    <message>
        <source>Record deleted</source>
        <translation>Gegeven verwijderd</translation>
    </message>
    <message>
        <source>Shared beyond consent (override)</source>
        <translation>Gedeeld buiten de toestemming (uitzondering)</translation>
    </message>
    <message>
        <source>Handover fiche exported</source>
        <translation>Overdrachtsfiche gemaakt</translation>
    </message>
    <message>
        <source>Copy for the person exported</source>
        <translation>Kopie voor de persoon gemaakt</translation>
    </message>
    <message>
        <source>MLP summary copied</source>
        <translation>MLP-samenvatting gekopieerd</translation>
    </message>
    <message>
        <source>Everything about a person exported</source>
        <translation>Alles over een persoon geëxporteerd</translation>
    </message>
    <message>
        <source>Person erased</source>
        <translation>Persoon gewist</translation>
    </message>
    <message>
        <source>ZRM overview exported</source>
        <translation>ZRM-overzicht gemaakt</translation>
    </message>
    <message>
        <source>Official ZRM criteria imported</source>
        <translation>Officiële ZRM-criteria ingeladen</translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation>Rapport geëxporteerd</translation>
    </message>
    <message>
        <source>person</source>
        <translation>persoon</translation>
    </message>
    <message>
        <source>report</source>
        <translation>rapport</translation>
    </message>
    <message>
        <source>contact moment</source>
        <translation>contactmoment</translation>
    </message>
    <message>
        <source>vindplaats</source>
        <translation>vindplaats</translation>
    </message>
    <message>
        <source>handover</source>
        <translation>overdracht</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisatie</translation>
    </message>
    <message>
        <source>ZRM assessment</source>
        <translation>ZRM-meting</translation>
    </message>
    <message>
        <source>network member</source>
        <translation>netwerklid</translation>
    </message>
    <message>
        <source>drempel</source>
        <translation>drempel</translation>
    </message>
    <message>
        <source>work readiness</source>
        <translation>werkrijpheid</translation>
    </message>
    <message>
        <source>automatic locking</source>
        <translation>automatisch vergrendelen</translation>
    </message>
    <message>
        <source>Worker profile saved</source>
        <translation>Profiel van een medewerker bewaard</translation>
    </message>
    <message>
        <source>Device joined an existing worker profile</source>
        <translation>Toestel sloot aan bij een bestaand profiel</translation>
    </message>
    <message>
        <source>Worker left the team</source>
        <translation>Medewerker verliet het team</translation>
    </message>
    <message>
        <source>Worker active again</source>
        <translation>Medewerker opnieuw actief</translation>
    </message>
    <message>
        <source>Caseload handed on</source>
        <translation>Caseload overgedragen</translation>
    </message>
    <message>
        <source>Group session attendance recorded</source>
        <translation>Aanwezigheden van een groepssessie genoteerd</translation>
    </message>
    <message>
        <source>Agenda exported</source>
        <translation>Agenda geëxporteerd</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>medewerker</translation>
    </message>
    <message>
        <source>group</source>
        <translation>groep</translation>
    </message>
    <message>
        <source>group session</source>
        <translation>groepssessie</translation>
    </message>
    <message>
        <source>Spreadsheet imported</source>
        <translation>Rekenblad geïmporteerd</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personen</translation>
    </message>
    <message>
        <source>contact moments</source>
        <translation>contactmomenten</translation>
    </message>
    <message>
        <source>agreements</source>
        <translation>afspraken</translation>
    </message>
    <message>
        <source>vindplaatsen</source>
        <translation>vindplaatsen</translation>
    </message>
    <message>
        <source>sociale kaart</source>
        <translation>sociale kaart</translation>
    </message>
    <message>
        <source>Erasure from the central store applied</source>
        <translation>Wisopdracht van de centrale opslag toegepast</translation>
    </message>
    <message>
        <source>Erasure from the central store refused</source>
        <translation>Wisopdracht van de centrale opslag geweigerd</translation>
    </message>
    <message>
        <source>Sync refused: not signed by a coordinator</source>
        <translation>Synchronisatie geweigerd: niet ondertekend door een coördinator</translation>
    </message>
    <message>
        <source>Data from the central store set aside</source>
        <translation>Gegevens van de centrale opslag apart gezet</translation>
    </message>
    <message>
        <source>Laptop approved</source>
        <translation>Laptop goedgekeurd</translation>
    </message>
    <message>
        <source>Laptop revoked</source>
        <translation>Laptop ingetrokken</translation>
    </message>
    <message>
        <source>Sync moved to protocol v2</source>
        <translation>Synchronisatie overgeschakeld naar protocol v2</translation>
    </message>
    <message>
        <source>Organisation set up on the central store</source>
        <translation>Organisatie opgezet op de centrale opslag</translation>
    </message>
    <message>
        <source>Team created</source>
        <translation>Team gemaakt</translation>
    </message>
    <message>
        <source>Device joined the store</source>
        <translation>Toestel ingeschreven bij de opslag</translation>
    </message>
    <message>
        <source>Device approved</source>
        <translation>Toestel goedgekeurd</translation>
    </message>
    <message>
        <source>Device revoked</source>
        <translation>Toestel ingetrokken</translation>
    </message>
    <message>
        <source>Team key renewed</source>
        <translation>Teamsleutel vernieuwd</translation>
    </message>
    <message>
        <source>Synchronised</source>
        <translation>Gesynchroniseerd</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>Auditlog geëxporteerd</translation>
    </message>
    <message>
        <source>Retention: files due erased</source>
        <translation>Bewaartermijn: vervallen dossiers gewist</translation>
    </message>
    <message>
        <source>Record of processing exported</source>
        <translation>Register van verwerkingen geëxporteerd</translation>
    </message>
    <message>
        <source>device</source>
        <translation>toestel</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Regels van het auditlog</translation>
    </message>
    <message>
        <source>Column headers</source>
        <translation>Kolomkoppen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Refresh the audit log</source>
        <translation>Auditlog vernieuwen</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Meer laden</translation>
    </message>
    <message>
        <source>Load older entries</source>
        <translation>Oudere regels laden</translation>
    </message>
    <message>
        <source>%1 of %2 entries shown.</source>
        <translation>%1 van %2 regels getoond.</translation>
    </message>
    <message>
        <source>Who opened, printed, exported, handed on or erased what, and every unlock, sync and change of settings, newest first. The log never contains what you wrote: only times, devices and record ids.</source>
        <translation>Wie wat opende, afdrukte, exporteerde, overdroeg of wiste, en elke ontgrendeling, synchronisatie en gewijzigde instelling, nieuwste eerst. De log bevat nooit wat u schreef: alleen tijdstippen, toestellen en kenmerken.</translation>
    </message>
    <message>
        <source>Whose entries</source>
        <translation>Van wie</translation>
    </message>
    <message>
        <source>About which person</source>
        <translation>Over welke persoon</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Exporteren als CSV…</translation>
    </message>
    <message>
        <source>Export the entries shown as CSV</source>
        <translation>De getoonde regels exporteren als CSV</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>Exporteren als PDF…</translation>
    </message>
    <message>
        <source>Export the entries shown as PDF</source>
        <translation>De getoonde regels exporteren als PDF</translation>
    </message>
    <message>
        <source>Result of the export</source>
        <translation>Resultaat van de export</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Iedereen</translation>
    </message>
    <message>
        <source>All people</source>
        <translation>Alle personen</translation>
    </message>
    <message>
        <source>A worker&apos;s laptop shows that worker&apos;s own entries.</source>
        <translation>De laptop van een medewerker toont enkel diens eigen regels.</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-bestanden (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF-bestanden (*.pdf);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Save the audit log as</source>
        <translation>De auditlog bewaren als</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) saved in %1.</source>
        <translation>
            <numerusform>%n regel bewaard in %1.</numerusform>
            <numerusform>%n regels bewaard in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported.</source>
        <translation>Niet geëxporteerd.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>Tijdstip</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Toestel</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Gegeven</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Medewerker</translation>
    </message>
</context>
<context>
    <name>Caseload</name>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>On a low flame</source>
        <translation>Lager pitje</translation>
    </message>
    <message>
        <source>Aftercare</source>
        <translation>Nazorg</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Afgesloten</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>alias</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>note</source>
        <translation>notitie</translation>
    </message>
    <message>
        <source>contact moment</source>
        <translation>contactmoment</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Laatste contact</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>Volgend contact</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Werker</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Gevonden in</translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>New person (Ctrl+Shift+N)</source>
        <translation>Nieuwe persoon (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Nieuwe persoon</translation>
    </message>
    <message>
        <source>Search in names, aliases and notes</source>
        <translation>Zoeken in namen, aliassen en notities</translation>
    </message>
    <message>
        <source>Search in names, aliases and notes (Ctrl+F) — accents do not matter</source>
        <translation>Zoeken in namen, aliassen en notities (Ctrl+F) — accenten maken niet uit</translation>
    </message>
    <message>
        <source>Filter by phase</source>
        <translation>Filter op fase</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filter op status</translation>
    </message>
    <message>
        <source>Filter by worker</source>
        <translation>Filter op werker</translation>
    </message>
    <message>
        <source>Filter by target group</source>
        <translation>Filter op doelgroep</translation>
    </message>
    <message>
        <source>People in your caseload</source>
        <translation>Personen in uw caseload</translation>
    </message>
    <message>
        <source>Column headers</source>
        <translation>Kolomkoppen</translation>
    </message>
    <message>
        <source>Nobody in your caseload yet. Add someone you met with “New person” (Ctrl+Shift+N); a pseudonym is enough to start.</source>
        <translation>Nog niemand in uw caseload. Voeg iemand die u ontmoette toe met “Nieuwe persoon” (Ctrl+Shift+N); een pseudoniem volstaat om te beginnen.</translation>
    </message>
    <message>
        <source>All phases</source>
        <translation>Alle fasen</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Elke status</translation>
    </message>
    <message>
        <source>All target groups</source>
        <translation>Alle doelgroepen</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>Alle werkers</translation>
    </message>
    <message>
        <source>%1 of %2 people shown.</source>
        <translation>%1 van %2 personen getoond.</translation>
    </message>
    <message>
        <source>Only &amp;names</source>
        <translation>Alleen &amp;namen</translation>
    </message>
    <message>
        <source>Search only in names and aliases</source>
        <translation>Enkel zoeken in namen en aliassen</translation>
    </message>
    <message>
        <source>Leave out people whose note or contact moments match, not their name</source>
        <translation>Laat mensen weg bij wie enkel een notitie of contactmoment overeenkomt, niet de naam</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Check before importing</source>
        <translation>Nakijken voor het importeren</translation>
    </message>
    <message>
        <source>Every row was read and checked against what is already in Brugfiguur.</source>
        <translation>Elke rij werd gelezen en vergeleken met wat al in Brugfiguur staat.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Problems per row</source>
        <translation>Problemen per rij</translation>
    </message>
    <message>
        <source>The first rows as they will be saved</source>
        <translation>De eerste rijen zoals ze bewaard worden</translation>
    </message>
    <message>
        <source>Import the &amp;valid rows, leave the others out</source>
        <translation>De &amp;goede rijen importeren, de andere weglaten</translation>
    </message>
    <message>
        <source>Import &amp;nothing while a row has a problem</source>
        <translation>&amp;Niets importeren zolang een rij een probleem heeft</translation>
    </message>
    <message>
        <source>Import possible duplicates as &amp;new people anyway (never merged)</source>
        <translation>Mogelijke dubbels toch als &amp;nieuwe persoon importeren (nooit samengevoegd)</translation>
    </message>
    <message>
        <source>Import possible duplicates anyway</source>
        <translation>Mogelijke dubbels toch importeren</translation>
    </message>
    <message>
        <source>&amp;Save the mapping…</source>
        <translation>Koppeling &amp;bewaren…</translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation>Koppeling bewaren</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Nakijken</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>&amp;Problemen</translation>
    </message>
    <message>
        <source>The first rows &amp;as they will be saved</source>
        <translation>De eerste rijen &amp;zoals ze bewaard worden</translation>
    </message>
    <message numerus="yes">
        <source>%n rows read</source>
        <translation>
            <numerusform>%n rij gelezen</numerusform>
            <numerusform>%n rijen gelezen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nieuw</numerusform>
            <numerusform>%n nieuw</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to update</source>
        <translation>
            <numerusform>%n bij te werken</numerusform>
            <numerusform>%n bij te werken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n ongewijzigd</numerusform>
            <numerusform>%n ongewijzigd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows have a problem and are not imported.</source>
        <translation>
            <numerusform>%n rij heeft een probleem en wordt niet geïmporteerd.</numerusform>
            <numerusform>%n rijen hebben een probleem en worden niet geïmporteerd.</numerusform>
        </translation>
    </message>
    <message>
        <source>No row has a problem.</source>
        <translation>Geen enkele rij heeft een probleem.</translation>
    </message>
    <message>
        <source>The first %1 problems are listed.</source>
        <translation>De eerste %1 problemen staan in de lijst.</translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation>Koppelingen (*.json)</translation>
    </message>
    <message>
        <source>Mapping saved: %1</source>
        <translation>Koppeling bewaard: %1</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Which column holds what?</source>
        <translation>Welke kolom bevat wat?</translation>
    </message>
    <message>
        <source>Brugfiguur read the headers and chose for each column. Change what is wrong; columns set to “not imported” are left out.</source>
        <translation>Brugfiguur las de kopregel en koos voor elke kolom. Pas aan wat niet klopt; kolommen op “niet importeren” worden weggelaten.</translation>
    </message>
    <message>
        <source>About the file</source>
        <translation>Over het bestand</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
    <message>
        <source>The same value for every row</source>
        <translation>Dezelfde waarde voor elke rij</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>sheet %1</source>
        <translation>werkblad %1</translation>
    </message>
    <message>
        <source>separator %1</source>
        <translation>scheidingsteken %1</translation>
    </message>
    <message numerus="yes">
        <source>about %n rows</source>
        <translation>
            <numerusform>ongeveer %n rij</numerusform>
            <numerusform>ongeveer %n rijen</numerusform>
        </translation>
    </message>
    <message>
        <source>Headers in row %1</source>
        <translation>Kopregel in rij %1</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Kolom in het bestand</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Eerste waarden</translation>
    </message>
    <message>
        <source>Brugfiguur field</source>
        <translation>Veld in Brugfiguur</translation>
    </message>
    <message>
        <source>First values of %1</source>
        <translation>Eerste waarden van %1</translation>
    </message>
    <message>
        <source>Field for column %1</source>
        <translation>Veld voor kolom %1</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— niet importeren —</translation>
    </message>
    <message>
        <source>Value for every row: %1</source>
        <translation>Waarde voor elke rij: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Still needed: %1.</source>
        <translation>Nog nodig: %1.</translation>
    </message>
    <message>
        <source>Two columns for the same field: %1.</source>
        <translation>Twee kolommen voor hetzelfde veld: %1.</translation>
    </message>
    <message>
        <source>Reading the values…</source>
        <translation>De waarden worden gelezen…</translation>
    </message>
</context>
<context>
    <name>ConfirmDeletionDialog</name>
    <message>
        <source>Confirm deletions</source>
        <translation>Verwijderingen bevestigen</translation>
    </message>
    <message>
        <source>If you did not mean to delete this much, choose “Not now” and ask your coordinator for help; nothing is sent until you confirm.</source>
        <translation>Was het niet de bedoeling om zoveel te verwijderen? Kies dan “Nu niet” en vraag uw coördinator om hulp; er wordt niets verstuurd tot u bevestigt.</translation>
    </message>
    <message>
        <source>Yes, synchronise</source>
        <translation>Ja, synchroniseren</translation>
    </message>
    <message>
        <source>Yes, synchronise the deletions</source>
        <translation>Ja, de verwijderingen synchroniseren</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nu niet</translation>
    </message>
</context>
<context>
    <name>ConfirmPassphraseDialog</name>
    <message>
        <source>Current passphrase</source>
        <translation>Huidige wachtwoordzin</translation>
    </message>
    <message>
        <source>Feedback on the current passphrase</source>
        <translation>Melding bij de huidige wachtwoordzin</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Even geduld…</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Verder</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Record</source>
        <translation>Gegeven</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Huidige waarde</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Andere waarde</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Keuze</translation>
    </message>
    <message>
        <source>(hidden in discreet mode)</source>
        <translation>(verborgen in discrete modus)</translation>
    </message>
    <message>
        <source>Both devices changed this text. The current text holds both versions, so nothing was lost; edit it in the file if you want one text.</source>
        <translation>Beide toestellen wijzigden deze tekst. De huidige tekst bevat beide versies, zodat er niets verloren ging; pas hem aan in het dossier als u één tekst wilt.</translation>
    </message>
    <message>
        <source>both texts kept</source>
        <translation>beide teksten bewaard</translation>
    </message>
    <message>
        <source>deleted on one device, edited on another</source>
        <translation>verwijderd op het ene toestel, gewijzigd op het andere</translation>
    </message>
    <message>
        <source>Whose value lost, when</source>
        <translation>Wiens waarde verloor, wanneer</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>van u</translation>
    </message>
    <message>
        <source>%1&apos;s</source>
        <translation>van %1</translation>
    </message>
    <message>
        <source>a colleague&apos;s</source>
        <translation>van een collega</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <source>Sometimes you and a colleague changed the same thing while one of you was offline. Brugfiguur then keeps one value and remembers the other, so nothing is lost. Check each one: keep the current value or use the other one. You can undo a choice below.</source>
        <translation>Soms wijzigden u en een collega hetzelfde terwijl een van u offline was. Brugfiguur houdt dan één waarde aan en onthoudt de andere, zodat er niets verloren gaat. Bekijk ze één voor één: behoud de huidige waarde of gebruik de andere. Een keuze kunt u hieronder ongedaan maken.</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Open conflicten</translation>
    </message>
    <message>
        <source>There are no open conflicts. Everything you synchronised fits together.</source>
        <translation>Er zijn geen open conflicten. Alles wat u synchroniseerde, past bij elkaar.</translation>
    </message>
    <message>
        <source>Keep current</source>
        <translation>Behoud huidige</translation>
    </message>
    <message>
        <source>The current value stays; the conflict is closed.</source>
        <translation>De huidige waarde blijft; het conflict wordt gesloten.</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>Gebruik de andere waarde</translation>
    </message>
    <message>
        <source>The other value replaces the current one (and syncs like any edit).</source>
        <translation>De andere waarde vervangt de huidige (en wordt gesynchroniseerd zoals elke wijziging).</translation>
    </message>
    <message>
        <source>Recently resolved</source>
        <translation>Recent behandeld</translation>
    </message>
    <message>
        <source>Recently resolved conflicts</source>
        <translation>Recent behandelde conflicten</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Undo the choice</source>
        <translation>De keuze ongedaan maken</translation>
    </message>
    <message>
        <source>Put back the value from before the choice.</source>
        <translation>Zet de waarde van vóór de keuze terug.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>The conflicts could not be loaded.</source>
        <translation>De conflicten konden niet geladen worden.</translation>
    </message>
    <message>
        <source>The current value was kept.</source>
        <translation>De huidige waarde werd behouden.</translation>
    </message>
    <message>
        <source>The other value is used now. It syncs like any change.</source>
        <translation>De andere waarde wordt nu gebruikt. Ze wordt gesynchroniseerd zoals elke wijziging.</translation>
    </message>
    <message>
        <source>Undone: the conflict is open again.</source>
        <translation>Ongedaan gemaakt: het conflict staat weer open.</translation>
    </message>
    <message>
        <source>That did not work; nothing was changed.</source>
        <translation>Dat lukte niet; er werd niets gewijzigd.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Toestemming noteren</translation>
    </message>
    <message>
        <source>Write down what the person agreed to: which data, with whom, for what. Private notes are never shared.</source>
        <translation>Noteer waarmee de persoon instemde: welke gegevens, met wie, waarvoor. Privénotities worden nooit gedeeld.</translation>
    </message>
    <message>
        <source>Data that may be shared</source>
        <translation>Gegevens die gedeeld mogen worden</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Gegevens</translation>
    </message>
    <message>
        <source>⚠ Sensitive data</source>
        <translation>⚠ Gevoelige gegevens</translation>
    </message>
    <message>
        <source>Sensitive data</source>
        <translation>Gevoelige gegevens</translation>
    </message>
    <message>
        <source>Health, addiction and justice are only shared when you tick them here, explicitly, after asking the person. Leave them empty when in doubt.</source>
        <translation>Gezondheid, verslaving en justitie worden alleen gedeeld als u ze hier uitdrukkelijk aanvinkt, nadat u het de persoon gevraagd hebt. Laat ze leeg bij twijfel.</translation>
    </message>
    <message>
        <source>Sensitive data that may be shared</source>
        <translation>Gevoelige gegevens die gedeeld mogen worden</translation>
    </message>
    <message>
        <source>&amp;Sensitive</source>
        <translation>Gevoe&amp;lig</translation>
    </message>
    <message>
        <source>For what</source>
        <translation>Waarvoor</translation>
    </message>
    <message>
        <source>&amp;For what</source>
        <translation>&amp;Waarvoor</translation>
    </message>
    <message>
        <source>With whom (from the sociale kaart)</source>
        <translation>Met wie (van de sociale kaart)</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Met wie</translation>
    </message>
    <message>
        <source>&amp;With whom</source>
        <translation>&amp;Met wie</translation>
    </message>
    <message>
        <source>How the consent was given</source>
        <translation>Hoe de toestemming gegeven werd</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>&amp;Hoe</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Gegeven op</translation>
    </message>
    <message>
        <source>&amp;Given on</source>
        <translation>Gegeven o&amp;p</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Geldig vanaf</translation>
    </message>
    <message>
        <source>Valid f&amp;rom</source>
        <translation>Geldig &amp;vanaf</translation>
    </message>
    <message>
        <source>Leave empty: valid from the day it was given.</source>
        <translation>Leeg laten: geldig vanaf de dag dat ze gegeven werd.</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Geldig tot</translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation>Geldig &amp;tot</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;otitie</translation>
    </message>
    <message>
        <source>    %1 at %2 (only this person)</source>
        <translation>    %1 bij %2 (alleen deze persoon)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>“%1” is not a date: type dd/mm/yyyy, or +7 for a week later.</source>
        <translation>“%1” is geen datum: typ dd/mm/jjjj, of +7 voor een week later.</translation>
    </message>
    <message>
        <source>%1 does not exist: check the day and the month.</source>
        <translation>%1 bestaat niet: kijk de dag en de maand na.</translation>
    </message>
    <message>
        <source>Only a date here, without a time.</source>
        <translation>Hier enkel een datum, zonder uur.</translation>
    </message>
    <message>
        <source>“%1” is not a time: type for example 14:00 or 14u30.</source>
        <translation>“%1” is geen uur: typ bijvoorbeeld 14:00 of 14u30.</translation>
    </message>
    <message>
        <source>%1 is not a time of day.</source>
        <translation>%1 is geen uur van de dag.</translation>
    </message>
    <message>
        <source>%1 — or +7 for a week later</source>
        <translation>%1 — of +7 voor een week later</translation>
    </message>
    <message>
        <source>Type a date as dd/mm/yyyy, or +7 for a week later. F4 opens a calendar.</source>
        <translation>Typ een datum als dd/mm/jjjj, of +7 voor een week later. F4 opent een kalender.</translation>
    </message>
    <message>
        <source>Calendar (F4)</source>
        <translation>Kalender (F4)</translation>
    </message>
    <message>
        <source>Fill in a date.</source>
        <translation>Vul een datum in.</translation>
    </message>
</context>
<context>
    <name>DayColumn</name>
    <message>
        <source>(today)</source>
        <translation>(vandaag)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n item</numerusform>
            <numerusform>%1: %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing planned</source>
        <translation>Niets gepland</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>What is planned that day</source>
        <translation>Wat die dag gepland is</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Demo vault with fictional data — passphrase: %1</source>
        <translation>Demokluis met fictieve gegevens — wachtwoordzin: %1</translation>
    </message>
</context>
<context>
    <name>DemoWindow</name>
    <message>
        <source>Brugfiguur — demo</source>
        <translation>Brugfiguur — demo</translation>
    </message>
    <message>
        <source>Preparing the demo vault</source>
        <translation>De demokluis wordt klaargezet</translation>
    </message>
    <message>
        <source>Preparing a demo vault</source>
        <translation>Een demokluis klaarzetten</translation>
    </message>
    <message>
        <source>Brugfiguur is filling a throwaway vault with fictional people, contact moments and vindplaatsen. It is removed when you close the app.</source>
        <translation>Brugfiguur vult een wegwerpkluis met fictieve mensen, contactmomenten en vindplaatsen. Die wordt verwijderd wanneer u de app sluit.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <source>%v of %m people</source>
        <translation>%v van %m personen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>The demo vault could not be made.</source>
        <translation>De demokluis kon niet gemaakt worden.</translation>
    </message>
</context>
<context>
    <name>DevicesModel</name>
    <message>
        <source>Device</source>
        <translation>Toestel</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>%1 (this laptop)</source>
        <translation>%1 (deze laptop)</translation>
    </message>
    <message>
        <source>Safety code</source>
        <translation>Veiligheidscode</translation>
    </message>
    <message>
        <source>Compare this code with the one on the laptop&apos;s own screen before you approve it.</source>
        <translation>Vergelijk deze code met die op het scherm van de laptop zelf voor u hem goedkeurt.</translation>
    </message>
</context>
<context>
    <name>DocumentDetailsBox</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds before a copied MLP summary is cleared from the clipboard</source>
        <translation>Seconden voordat een gekopieerde MLP-samenvatting van het klembord gewist wordt</translation>
    </message>
    <message>
        <source>Save details</source>
        <translation>Gegevens bewaren</translation>
    </message>
    <message>
        <source>Result of saving your details</source>
        <translation>Resultaat van het bewaren van uw gegevens</translation>
    </message>
    <message>
        <source>Clear a copied MLP summary after</source>
        <translation>Gekopieerde MLP-samenvatting wissen na</translation>
    </message>
    <message>
        <source>Your details were saved.</source>
        <translation>Uw gegevens zijn bewaard.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Niet bewaard.</translation>
    </message>
    <message>
        <source>Your details</source>
        <translation>Uw gegevens</translation>
    </message>
    <message>
        <source>Save your details</source>
        <translation>Uw gegevens bewaren</translation>
    </message>
    <message>
        <source>Your profile on another device</source>
        <translation>Uw profiel op een ander toestel</translation>
    </message>
    <message>
        <source>The team already knows someone with your name. If that is you (on another laptop, or from before profiles existed), join it: this laptop then works as that profile and your people follow.</source>
        <translation>Het team kent al iemand met uw naam. Bent u dat (op een andere laptop, of van voor er profielen waren)? Sluit dan aan: deze laptop werkt voortaan als dat profiel en uw personen gaan mee.</translation>
    </message>
    <message>
        <source>Profile that is also you</source>
        <translation>Profiel dat ook u is</translation>
    </message>
    <message>
        <source>This is me</source>
        <translation>Dit ben ik</translation>
    </message>
    <message>
        <source>Join this profile</source>
        <translation>Bij dit profiel aansluiten</translation>
    </message>
    <message>
        <source>Your name, function and how to reach you appear on the handover fiche and on the person&apos;s copy, so the receiver and the person know who to call. Your team sees them too.</source>
        <translation>Uw naam, functie en hoe u bereikbaar bent, staan op de overdrachtsfiche en op de kopie voor de persoon, zodat de ontvanger en de persoon weten wie ze kunnen bellen. Uw team ziet ze ook.</translation>
    </message>
    <message>
        <source>This laptop now works as %1.</source>
        <translation>Deze laptop werkt nu als %1.</translation>
    </message>
    <message>
        <source>Not joined.</source>
        <translation>Niet aangesloten.</translation>
    </message>
    <message>
        <source>(typed name)</source>
        <translation>(getypte naam)</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Er werd niets geïmporteerd.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n rows have a problem. Correct them in the file and import it again, or choose to import the valid rows only.</source>
        <translation>
            <numerusform>Er werd niets geïmporteerd: %n rij heeft een probleem. Verbeter ze in het bestand en importeer het opnieuw, of kies om alleen de goede rijen te importeren.</numerusform>
            <numerusform>Er werd niets geïmporteerd: %n rijen hebben een probleem. Verbeter ze in het bestand en importeer het opnieuw, of kies om alleen de goede rijen te importeren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new records</source>
        <translation>
            <numerusform>%n nieuw record</numerusform>
            <numerusform>%n nieuwe records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n bijgewerkt</numerusform>
            <numerusform>%n bijgewerkt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n ongewijzigd</numerusform>
            <numerusform>%n ongewijzigd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows left out because of a problem</source>
        <translation>
            <numerusform>%n rij weggelaten wegens een probleem</numerusform>
            <numerusform>%n rijen weggelaten wegens een probleem</numerusform>
        </translation>
    </message>
    <message>
        <source>The imported records are ordinary records: they are synchronised, counted in reports, and can be exported and erased like any other. The import is in the audit log.</source>
        <translation>De geïmporteerde gegevens zijn gewone gegevens: ze worden gesynchroniseerd, tellen mee in rapporten en kunnen zoals alle andere geëxporteerd en gewist worden. De import staat in het auditlogboek.</translation>
    </message>
</context>
<context>
    <name>DrempelDialog</name>
    <message>
        <source>Edit drempel</source>
        <translation>Drempel bewerken</translation>
    </message>
    <message>
        <source>Add drempel</source>
        <translation>Drempel toevoegen</translation>
    </message>
    <message>
        <source>Life domain</source>
        <translation>Levensdomein</translation>
    </message>
    <message>
        <source>&amp;Life domain</source>
        <translation>&amp;Levensdomein</translation>
    </message>
    <message>
        <source>Drempel</source>
        <translation>Drempel</translation>
    </message>
    <message>
        <source>&amp;Drempel</source>
        <translation>&amp;Drempel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>S&amp;ince</source>
        <translation>S&amp;inds</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notitie</translation>
    </message>
    <message>
        <source>(no specific drempel)</source>
        <translation>(geen specifieke drempel)</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol people in %1</source>
        <translation>Personen inschrijven in %1</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Inschrijven</translation>
    </message>
    <message>
        <source>Filter people</source>
        <translation>Personen filteren</translation>
    </message>
    <message>
        <source>Type part of an alias or name</source>
        <translation>Typ een deel van een alias of naam</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>People to enrol</source>
        <translation>In te schrijven personen</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Personen</translation>
    </message>
    <message>
        <source>Enrolled from</source>
        <translation>Ingeschreven vanaf</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Vanaf</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase %1</source>
        <translation>%1 wissen</translation>
    </message>
    <message>
        <source>The person asked to be forgotten (right to erasure). Everything about %1 is erased from this vault: the file, contact moments (a group contact goes on without them), consents, handovers, ZRM, drafts and the search index. At the next sync the erasure reaches your team; only a record without content remains that the erasure happened.

This cannot be undone. Consider exporting everything first and giving it to the person.</source>
        <translation>De persoon vroeg om vergeten te worden (recht op wissen). Alles over %1 wordt uit deze kluis gewist: het dossier, contactmomenten (een groepscontact blijft bestaan zonder deze persoon), toestemmingen, overdrachten, ZRM, concepten en de zoekindex. Bij de volgende synchronisatie bereikt het wissen uw team; er blijft alleen een melding zonder inhoud dat er gewist werd.

Dit kan niet ongedaan gemaakt worden. Exporteer eventueel eerst alles en geef het aan de persoon.</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Uw wachtwoordzin</translation>
    </message>
    <message>
        <source>Type your &amp;passphrase to erase</source>
        <translation>Typ uw &amp;wachtwoordzin om te wissen</translation>
    </message>
    <message>
        <source>Problem with the passphrase</source>
        <translation>Probleem met de wachtwoordzin</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Bezig met wissen…</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>Definitief wissen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Backups made before the erasure still contain %1. When one of them is restored on this laptop, %1 is erased again at once; elsewhere at the latest at its first sync. Keep older backups locked away and delete them when your organisation&apos;s retention period ends.</source>
        <translation>Back-ups van vóór het wissen bevatten %1 nog. Wordt er een teruggezet op deze laptop, dan wordt %1 meteen opnieuw gewist; elders ten laatste bij de eerste synchronisatie. Bewaar oudere back-ups achter slot en verwijder ze wanneer de bewaartermijn van uw organisatie afloopt.</translation>
    </message>
</context>
<context>
    <name>EsfDialog</name>
    <message>
        <source>ESF+ participant data</source>
        <translation>ESF+-gegevens van de deelnemer</translation>
    </message>
    <message>
        <source>Only for projects funded by the ESF+. Optional; “not asked” and “does not want to say” are real answers. Never printed on a fiche or a document for the person.</source>
        <translation>Alleen voor projecten met ESF+-steun. Niet verplicht; „niet gevraagd” en „wil het niet zeggen” zijn echte antwoorden. Komt nooit op een fiche of een document voor de persoon.</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>&amp;Geslacht</translation>
    </message>
    <message>
        <source>&amp;Labour-market status at the start</source>
        <translation>&amp;Situatie op de arbeidsmarkt bij de start</translation>
    </message>
    <message>
        <source>&amp;Education (ISCED)</source>
        <translation>&amp;Opleidingsniveau (ISCED)</translation>
    </message>
    <message>
        <source>&amp;Disability</source>
        <translation>&amp;Handicap</translation>
    </message>
    <message>
        <source>&amp;Third-country national</source>
        <translation>Onderdaan van een &amp;derde land</translation>
    </message>
    <message>
        <source>&amp;Foreign background</source>
        <translation>&amp;Buitenlandse herkomst</translation>
    </message>
    <message>
        <source>&amp;Minority</source>
        <translation>&amp;Minderheid</translation>
    </message>
    <message>
        <source>&amp;Homeless or housing exclusion</source>
        <translation>Dakloos of &amp;uitgesloten van huisvesting</translation>
    </message>
    <message>
        <source>Start of participation</source>
        <translation>Start van de deelname</translation>
    </message>
    <message>
        <source>&amp;Start of participation</source>
        <translation>S&amp;tart van de deelname</translation>
    </message>
    <message>
        <source>Empty: the date the client file started.</source>
        <translation>Leeg: de datum waarop het cliëntdossier begon.</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Feedback from %1</source>
        <translation>Terugkoppeling van %1</translation>
    </message>
    <message>
        <source>What did the receiver report back? Keep it short and factual.</source>
        <translation>Wat koppelde de ontvanger terug? Houd het kort en feitelijk.</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ontvangen op</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>&amp;Ontvangen op</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Feedback</source>
        <translation>&amp;Terugkoppeling</translation>
    </message>
</context>
<context>
    <name>FichePreviewDialog</name>
    <message>
        <source>Fiche for %1</source>
        <translation>Fiche voor %1</translation>
    </message>
    <message>
        <source>This is what the fiche will contain, filtered by the person&apos;s consent. Sections that are not shared are listed under “Niet gedeeld”.</source>
        <translation>Dit komt op de fiche, gefilterd volgens de toestemming van de persoon. Delen die niet gedeeld worden, staan onder “Niet gedeeld”.</translation>
    </message>
    <message>
        <source>Fiche preview</source>
        <translation>Voorbeeld van de fiche</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Even geduld…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Protect the PDF with a password</source>
        <translation>Beveiligen met wachtwoord</translation>
    </message>
    <message>
        <source>PDF password</source>
        <translation>PDF-wachtwoord</translation>
    </message>
    <message>
        <source>PDF password again</source>
        <translation>PDF-wachtwoord opnieuw</translation>
    </message>
    <message>
        <source>P&amp;assword</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>Wachtwoord &amp;opnieuw</translation>
    </message>
    <message>
        <source>Problem with the PDF password</source>
        <translation>Probleem met het PDF-wachtwoord</translation>
    </message>
    <message>
        <source>Exception…</source>
        <translation>Uitzondering…</translation>
    </message>
    <message>
        <source>Share more than the consent: exception</source>
        <translation>Meer delen dan de toestemming: uitzondering</translation>
    </message>
    <message>
        <source>Copy for the person…</source>
        <translation>Kopie voor de persoon…</translation>
    </message>
    <message>
        <source>Save a copy in simple language for the person</source>
        <translation>Een kopie in eenvoudige taal voor de persoon opslaan</translation>
    </message>
    <message>
        <source>Copy MLP summary</source>
        <translation>MLP-samenvatting kopiëren</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF opslaan…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>That did not work; nothing was saved.</source>
        <translation>Dat lukte niet; er werd niets bewaard.</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>Geef een reden.</translation>
    </message>
    <message>
        <source>Tick the data to share anyway.</source>
        <translation>Vink de gegevens aan die toch gedeeld worden.</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Typ uw wachtwoordzin.</translation>
    </message>
    <message>
        <source>The exception could not be recorded.</source>
        <translation>De uitzondering kon niet genoteerd worden.</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>Save the fiche as</source>
        <translation>De fiche opslaan als</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>De twee wachtwoorden verschillen.</translation>
    </message>
    <message>
        <source>Choose a password of at least 8 characters.</source>
        <translation>Kies een wachtwoord van minstens 8 tekens.</translation>
    </message>
    <message>
        <source>Fiche saved in %1.</source>
        <translation>Fiche bewaard in %1.</translation>
    </message>
    <message>
        <source>It opens only with the password.</source>
        <translation>Ze opent alleen met het wachtwoord.</translation>
    </message>
    <message>
        <source>Saving the fiche…</source>
        <translation>Bezig met de fiche…</translation>
    </message>
    <message>
        <source>Save the copy for the person as</source>
        <translation>De kopie voor de persoon opslaan als</translation>
    </message>
    <message>
        <source>Copy for the person saved in %1.</source>
        <translation>Kopie voor de persoon bewaard in %1.</translation>
    </message>
    <message>
        <source>Saving the copy…</source>
        <translation>Bezig met de kopie…</translation>
    </message>
    <message numerus="yes">
        <source>MLP summary copied. Paste it in Mijn Loopbaan now: the clipboard is cleared after %n second(s).</source>
        <translation>
            <numerusform>MLP-samenvatting gekopieerd. Plak ze nu in Mijn Loopbaan: het klembord wordt na %n seconde gewist.</numerusform>
            <numerusform>MLP-samenvatting gekopieerd. Plak ze nu in Mijn Loopbaan: het klembord wordt na %n seconden gewist.</numerusform>
        </translation>
    </message>
    <message>
        <source>ℹ Exception recorded in the audit log. The preview now shows what will be shared.</source>
        <translation>ℹ Uitzondering genoteerd in het auditlog. Het voorbeeld toont nu wat gedeeld wordt.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Which spreadsheet, and what does it hold?</source>
        <translation>Welk rekenblad, en wat staat erin?</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or a CSV file, as your team keeps it. Import in this order: vindplaatsen and the sociale kaart first, then people, then their contact moments and agreements.</source>
        <translation>Een Excel-werkmap (.xlsx) of een CSV-bestand, zoals je team het bijhoudt. Importeer in deze volgorde: eerst de vindplaatsen en de sociale kaart, dan de personen, dan hun contactmomenten en afspraken.</translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation>Wat het bestand bevat</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Kies een bestand…</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bladeren…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Het bestand kiezen</translation>
    </message>
    <message>
        <source>Columns mapped by their headers.</source>
        <translation>Kolommen gekoppeld volgens hun kopregel.</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Koppeling</translation>
    </message>
    <message>
        <source>&amp;Use a saved mapping…</source>
        <translation>Een bewaarde &amp;koppeling gebruiken…</translation>
    </message>
    <message>
        <source>Use a saved mapping</source>
        <translation>Een bewaarde koppeling gebruiken</translation>
    </message>
    <message>
        <source>Save an empty &amp;template…</source>
        <translation>Een leeg &amp;sjabloon bewaren…</translation>
    </message>
    <message>
        <source>Save an empty template</source>
        <translation>Een leeg sjabloon bewaren</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>&amp;What it holds</source>
        <translation>&amp;Wat erin staat</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>Bestan&amp;d</translation>
    </message>
    <message>
        <source>The file is only read: nothing is imported before the last step, and a stopped or failed import changes nothing.</source>
        <translation>Het bestand wordt alleen gelezen: er wordt niets geïmporteerd vóór de laatste stap, en een gestopte of mislukte import verandert niets.</translation>
    </message>
    <message>
        <source>Choose the spreadsheet</source>
        <translation>Kies het rekenblad</translation>
    </message>
    <message>
        <source>Spreadsheets</source>
        <translation>Rekenbladen</translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation>Koppelingen (*.json)</translation>
    </message>
    <message>
        <source>Saved mapping: %1</source>
        <translation>Bewaarde koppeling: %1</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved: %1</source>
        <translation>Sjabloon bewaard: %1</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Het bestand wordt gelezen…</translation>
    </message>
</context>
<context>
    <name>FollowUpResultDialog</name>
    <message numerus="yes">
        <source>Follow-up after %n month(s)</source>
        <translation>
            <numerusform>Opvolging na %n maand</numerusform>
            <numerusform>Opvolging na %n maanden</numerusform>
        </translation>
    </message>
    <message>
        <source>How is the person doing now? Choose what fits; a note is optional.</source>
        <translation>Hoe gaat het nu met de persoon? Kies wat past; een notitie mag.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>&amp;Resultaat</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>Nagegaan op</translation>
    </message>
    <message>
        <source>&amp;Checked on</source>
        <translation>&amp;Nagegaan op</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Notitie (niet verplicht)</translation>
    </message>
    <message>
        <source>&amp;Note (optional)</source>
        <translation>No&amp;titie (niet verplicht)</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Feedback</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Mogelijke dubbels</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Toch opslaan</translation>
    </message>
    <message>
        <source>Save anyway: it is really someone else</source>
        <translation>Toch opslaan: het is echt iemand anders</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>Probleem met %1</translation>
    </message>
    <message>
        <source>Not saved: something went wrong.</source>
        <translation>Niet opgeslagen: er liep iets mis.</translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation>Velden met * zijn verplicht.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>verplicht</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 is verplicht.</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Edit group</source>
        <translation>Groep bewerken</translation>
    </message>
    <message>
        <source>New group or series</source>
        <translation>Nieuwe groep of reeks</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Soort</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organisator</translation>
    </message>
    <message>
        <source>&amp;Organiser</source>
        <translation>&amp;Organisator</translation>
    </message>
    <message>
        <source>Vindplaats</source>
        <translation>Vindplaats</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— geen —</translation>
    </message>
    <message>
        <source>&amp;Vindplaats</source>
        <translation>&amp;Vindplaats</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Plaats</translation>
    </message>
    <message>
        <source>An address, when not a vindplaats</source>
        <translation>Een adres, als het geen vindplaats is</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Start op</translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation>S&amp;tart op</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Eindigt op</translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation>&amp;Eindigt op</translation>
    </message>
    <message>
        <source>What the group does</source>
        <translation>Wat de groep doet</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschrijving</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>Group work</source>
        <translation>Groepswerk</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organisator</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Ingeschreven</translation>
    </message>
    <message>
        <source>Next session</source>
        <translation>Volgende sessie</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>lopend</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>No groups yet. A group or series brings people together (a cooking workshop, a job club, an info session): start one with “New group”.</source>
        <translation>Nog geen groepen. Een groep of reeks brengt mensen samen (een kookatelier, een jobclub, een infosessie): begin er een met “Nieuwe groep”.</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Nieuwe groep…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Edit group</source>
        <translation>Groep bewerken</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Groep verwijderen</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>Enrolled people</source>
        <translation>Ingeschreven personen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Aanwezigheid</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <source>Selected group</source>
        <translation>Gekozen groep</translation>
    </message>
    <message>
        <source>Enrol…</source>
        <translation>Inschrijven…</translation>
    </message>
    <message>
        <source>Enrol people</source>
        <translation>Personen inschrijven</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>Stopt</translation>
    </message>
    <message>
        <source>Person stops</source>
        <translation>Persoon stopt</translation>
    </message>
    <message>
        <source>Plan sessions…</source>
        <translation>Sessies plannen…</translation>
    </message>
    <message>
        <source>Who came…</source>
        <translation>Wie kwam er…</translation>
    </message>
    <message>
        <source>Record attendance</source>
        <translation>Aanwezigheden noteren</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>Sessie schrappen</translation>
    </message>
    <message>
        <source>Groups and the selected group</source>
        <translation>Groepen en de gekozen groep</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <source>to record: who came?</source>
        <translation>nog noteren: wie kwam er?</translation>
    </message>
    <message>
        <source>%1 of %2 registered</source>
        <translation>%1 van %2 ingeschreven</translation>
    </message>
    <message numerus="yes">
        <source>+ %n not registered</source>
        <translation>
            <numerusform>+ %n niet ingeschreven</numerusform>
            <numerusform>+ %n niet ingeschreven</numerusform>
        </translation>
    </message>
    <message>
        <source>No group chosen</source>
        <translation>Geen groep gekozen</translation>
    </message>
    <message>
        <source>organised by %1</source>
        <translation>georganiseerd door %1</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) held</source>
        <translation>
            <numerusform>%n sessie gehouden</numerusform>
            <numerusform>%n sessies gehouden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s) in all</source>
        <translation>
            <numerusform>%n deelnemer in totaal</numerusform>
            <numerusform>%n deelnemers in totaal</numerusform>
        </translation>
    </message>
    <message>
        <source>That did not work.</source>
        <translation>Dat lukte niet.</translation>
    </message>
    <message>
        <source>Delete “%1”? Sessions already held stay in people&apos;s files as contact moments.</source>
        <translation>“%1” verwijderen? Gehouden sessies blijven als contactmomenten in de dossiers.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>This session was held; its attendance stays in people&apos;s files.</source>
        <translation>Deze sessie vond plaats; de aanwezigheden blijven in de dossiers.</translation>
    </message>
</context>
<context>
    <name>HandOnDialog</name>
    <message>
        <source>Hand %1 on to a colleague</source>
        <translation>%1 overdragen aan een collega</translation>
    </message>
    <message>
        <source>Hand on the caseload of %1</source>
        <translation>De caseload van %1 overdragen</translation>
    </message>
    <message>
        <source>Hand on</source>
        <translation>Overdragen</translation>
    </message>
    <message>
        <source>The colleague sees the people on their Vandaag with your note; the file keeps who followed the person when.</source>
        <translation>De collega ziet de personen op Vandaag met uw nota; het dossier houdt bij wie de persoon wanneer volgde.</translation>
    </message>
    <message>
        <source>Colleague who takes over</source>
        <translation>Collega die overneemt</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Aan</translation>
    </message>
    <message>
        <source>Handover note</source>
        <translation>Overdrachtsnota</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>What the colleague should know first (no more than needed)</source>
        <translation>Wat de collega eerst moet weten (niet meer dan nodig)</translation>
    </message>
    <message>
        <source>Closed files too</source>
        <translation>Ook afgesloten dossiers</translation>
    </message>
    <message>
        <source>&amp;Closed files</source>
        <translation>Afgesloten &amp;dossiers</translation>
    </message>
    <message>
        <source>Choose the colleague who takes over.</source>
        <translation>Kies de collega die overneemt.</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>New warm handover</source>
        <translation>Nieuwe warme overdracht</translation>
    </message>
    <message>
        <source>Change the warm handover</source>
        <translation>Warme overdracht wijzigen</translation>
    </message>
    <message>
        <source>Plan the triogesprek with the person and the receiving counsellor. What you write here goes on the fiche only as far as the person&apos;s consent reaches.</source>
        <translation>Plan het triogesprek met de persoon en de ontvangende begeleider. Wat u hier schrijft, komt alleen op de fiche voor zover de toestemming van de persoon reikt.</translation>
    </message>
    <message>
        <source>Kind of handover</source>
        <translation>Soort overdracht</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Soort</translation>
    </message>
    <message>
        <source>Receiving organisation</source>
        <translation>Ontvangende organisatie</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Ontvanger</translation>
    </message>
    <message>
        <source>&amp;Receiver</source>
        <translation>&amp;Ontvanger</translation>
    </message>
    <message>
        <source>Receiving counsellor</source>
        <translation>Ontvangende begeleider</translation>
    </message>
    <message>
        <source>C&amp;ounsellor</source>
        <translation>&amp;Begeleider</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Doel</translation>
    </message>
    <message>
        <source>Proposed route or measure</source>
        <translation>Voorgestelde route of maatregel</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Route or &amp;measure</source>
        <translation>Route of &amp;maatregel</translation>
    </message>
    <message>
        <source>Why now, in the person&apos;s words</source>
        <translation>Waarom nu, in de woorden van de persoon</translation>
    </message>
    <message>
        <source>&amp;Why now</source>
        <translation>&amp;Waarom nu</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Doelen</translation>
    </message>
    <message>
        <source>&amp;Goals</source>
        <translation>Doe&amp;len</translation>
    </message>
    <message>
        <source>Job target</source>
        <translation>Jobdoelwit</translation>
    </message>
    <message>
        <source>&amp;Job target</source>
        <translation>&amp;Jobdoelwit</translation>
    </message>
    <message>
        <source>Strengths and competences</source>
        <translation>Sterktes en competenties</translation>
    </message>
    <message>
        <source>&amp;Strengths</source>
        <translation>Ster&amp;ktes</translation>
    </message>
    <message>
        <source>Practical points of attention</source>
        <translation>Praktische aandachtspunten</translation>
    </message>
    <message>
        <source>Practical</source>
        <translation>Praktisch</translation>
    </message>
    <message>
        <source>Administrative status</source>
        <translation>Administratieve situatie</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administratie</translation>
    </message>
    <message>
        <source>Early-warning plan (optional): what to do when…</source>
        <translation>Signaalplan (optioneel): wat doen als…</translation>
    </message>
    <message>
        <source>Early warning</source>
        <translation>Signaalplan</translation>
    </message>
    <message>
        <source>Employer (only for a handover to an employer)</source>
        <translation>Werkgever (alleen bij overdracht naar een werkgever)</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Werkgever</translation>
    </message>
    <message>
        <source>Triogesprek on</source>
        <translation>Triogesprek op</translation>
    </message>
    <message>
        <source>&amp;Triogesprek on</source>
        <translation>&amp;Triogesprek op</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>&amp;Plaats</translation>
    </message>
    <message>
        <source>Others present</source>
        <translation>Anderen aanwezig</translation>
    </message>
    <message>
        <source>One per line: name, organisation.</source>
        <translation>Eén per regel: naam, organisatie.</translation>
    </message>
    <message>
        <source>Feedback expected by</source>
        <translation>Terugkoppeling verwacht tegen</translation>
    </message>
    <message>
        <source>&amp;Feedback expected by</source>
        <translation>Terugkoppeling verwacht te&amp;gen</translation>
    </message>
    <message>
        <source>The receiver reports back to you by this date; late feedback is listed.</source>
        <translation>De ontvanger koppelt tegen deze datum terug; te late terugkoppeling wordt opgelijst.</translation>
    </message>
    <message>
        <source>(choose a partner)</source>
        <translation>(kies een partner)</translation>
    </message>
    <message>
        <source>(no one in particular)</source>
        <translation>(niemand in het bijzonder)</translation>
    </message>
    <message>
        <source>Choose the receiver from the sociale kaart (add it first).</source>
        <translation>Kies de ontvanger van de sociale kaart (voeg hem eerst toe).</translation>
    </message>
</context>
<context>
    <name>HeldDialog</name>
    <message>
        <source>Triogesprek held</source>
        <translation>Triogesprek gehouden</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Gehouden op</translation>
    </message>
    <message>
        <source>&amp;Held on</source>
        <translation>&amp;Gehouden op</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Bijwerken</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Ongewijzigd</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Overgeslagen</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.</source>
        <translation>Er liep iets mis; er werd niets veranderd.</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Een rekenblad importeren</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Volgende</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>V&amp;orige</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rij</translation>
    </message>
    <message>
        <source>file</source>
        <translation>bestand</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Opmerking: %1</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Wat er gebeurt</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Make an invitation</source>
        <translation>Uitnodiging maken</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Uitnodiging</translation>
    </message>
    <message>
        <source>An invitation lets one new laptop join. Choose its teams and role; the code works once and expires after the days you choose.</source>
        <translation>Met een uitnodiging kan één nieuwe laptop aansluiten. Kies de teams en de rol; de code werkt één keer en vervalt na het aantal dagen dat u kiest.</translation>
    </message>
    <message>
        <source>Teams of the new laptop</source>
        <translation>Teams van de nieuwe laptop</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coördinator</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> dag(en)</translation>
    </message>
    <message>
        <source>Days the invitation stays valid</source>
        <translation>Aantal dagen dat de uitnodiging geldig blijft</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>Geldig gedurende</translation>
    </message>
    <message>
        <source>Make invitation</source>
        <translation>Uitnodiging maken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Invitation code</source>
        <translation>Uitnodigingscode</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Choose at least one team.</source>
        <translation>Kies minstens één team.</translation>
    </message>
    <message>
        <source>Read the code out or pass it on in a safe way, together with the address of the central store. It is shown only now, works once and expires on %1.</source>
        <translation>Lees de code voor of bezorg ze langs een veilige weg, samen met het adres van de centrale opslag. Ze wordt alleen nu getoond, werkt één keer en vervalt op %1.</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join with an invitation</source>
        <translation>Aansluiten met een uitnodiging</translation>
    </message>
    <message>
        <source>Your coordinator gives you the address of the central store and an invitation code. The code works once and expires after a few days. After joining, a coordinator&apos;s next sync approves this laptop; then your team&apos;s data arrives.</source>
        <translation>Uw coördinator geeft u het adres van de centrale opslag en een uitnodigingscode. De code werkt één keer en vervalt na enkele dagen. Na het aansluiten keurt de volgende synchronisatie van een coördinator deze laptop goed; daarna komen de gegevens van uw team binnen.</translation>
    </message>
    <message>
        <source>Address of the central store</source>
        <translation>Adres van de centrale opslag</translation>
    </message>
    <message>
        <source>Invitation code</source>
        <translation>Uitnodigingscode</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Aansluiten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Type the invitation code.</source>
        <translation>Typ de uitnodigingscode.</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Over u</translation>
    </message>
</context>
<context>
    <name>LineChart</name>
    <message>
        <source>Line chart of one domain over time</source>
        <translation>Lijngrafiek van één domein doorheen de tijd</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>doel %1</translation>
    </message>
    <message>
        <source>No scores for this domain yet.</source>
        <translation>Nog geen scores voor dit domein.</translation>
    </message>
    <message>
        <source>target</source>
        <translation>doel</translation>
    </message>
</context>
<context>
    <name>LocationsPage</name>
    <message>
        <source>Outreach locations</source>
        <translation>Vindplaatsen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source> (not in use)</source>
        <translation> (niet meer in gebruik)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Buurt of gebied</translation>
    </message>
    <message>
        <source>Best times</source>
        <translation>Beste momenten</translation>
    </message>
    <message>
        <source>Presences</source>
        <translation>Aanwezigheden</translation>
    </message>
    <message>
        <source>Last presence</source>
        <translation>Laatste aanwezigheid</translation>
    </message>
    <message>
        <source>No vindplaatsen yet. Add the places where you meet people with “New vindplaats”: a square, a drop-in centre, a Facebook group…</source>
        <translation>Nog geen vindplaatsen. Voeg de plaatsen waar u mensen ontmoet toe met “Nieuwe vindplaats”: een plein, een inloopcentrum, een Facebookgroep…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Spoken to</source>
        <translation>Gesproken</translation>
    </message>
    <message>
        <source>Age bands</source>
        <translation>Leeftijdsgroepen</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Onderwerpen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Presence log (anonymous)</source>
        <translation>Aanwezigheden (anoniem)</translation>
    </message>
    <message>
        <source>Outreach locations and presence log</source>
        <translation>Vindplaatsen en aanwezigheden</translation>
    </message>
    <message>
        <source>New vindplaats…</source>
        <translation>Nieuwe vindplaats…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Edit vindplaats</source>
        <translation>Vindplaats bewerken</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>Delete vindplaats</source>
        <translation>Vindplaats verwijderen</translation>
    </message>
    <message>
        <source>Log presence…</source>
        <translation>Aanwezigheid noteren…</translation>
    </message>
    <message>
        <source>Presence log</source>
        <translation>Aanwezigheden</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Presence log — %1</source>
        <translation>Aanwezigheden — %1</translation>
    </message>
    <message>
        <source>Delete “%1”? Contact moments there keep their other details.</source>
        <translation>“%1” verwijderen? Contactmomenten daar behouden hun andere gegevens.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Not deleted.</source>
        <translation>Niet verwijderd.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Brugfiguur main window</source>
        <translation>Hoofdvenster van Brugfiguur</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Pagina</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>Vergrendelen (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Nu vergrendelen</translation>
    </message>
    <message>
        <source>Navigation bar</source>
        <translation>Navigatiebalk</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhoud</translation>
    </message>
    <message>
        <source>Brugfiguur is locked</source>
        <translation>Brugfiguur is vergrendeld</translation>
    </message>
    <message>
        <source>Opening your vault…</source>
        <translation>Uw kluis wordt geopend…</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Brugfiguur</source>
        <translation>Brugfiguur</translation>
    </message>
    <message>
        <source>◐ Discreet mode</source>
        <translation>◐ Discrete modus</translation>
    </message>
    <message>
        <source>Discreet mode is on</source>
        <translation>Discrete modus staat aan</translation>
    </message>
    <message>
        <source>Only aliases and initials are shown (Ctrl+D)</source>
        <translation>Alleen aliassen en initialen worden getoond (Ctrl+D)</translation>
    </message>
    <message>
        <source>Lock state</source>
        <translation>Vergrendelingsstatus</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Statusbalk</translation>
    </message>
    <message>
        <source>Lock Brugfiguur</source>
        <translation>Brugfiguur vergrendelen</translation>
    </message>
    <message>
        <source>New contact moment</source>
        <translation>Nieuw contactmoment</translation>
    </message>
    <message>
        <source>New person (pseudonym)</source>
        <translation>Nieuwe persoon (pseudoniem)</translation>
    </message>
    <message>
        <source>Search the caseload</source>
        <translation>Zoeken in de caseload</translation>
    </message>
    <message>
        <source>Discreet mode on/off</source>
        <translation>Discrete modus aan/uit</translation>
    </message>
    <message>
        <source>Synchronise now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Show keyboard shortcuts</source>
        <translation>Sneltoetsen tonen</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Naar %1</translation>
    </message>
    <message>
        <source>Contact moment saved.</source>
        <translation>Contactmoment opgeslagen.</translation>
    </message>
    <message>
        <source>Already synchronising…</source>
        <translation>Er wordt al gesynchroniseerd…</translation>
    </message>
    <message>
        <source>This laptop is not connected to a central store yet (Settings → Synchronisation).</source>
        <translation>Deze laptop is nog niet verbonden met een centrale opslag (Instellingen → Synchronisatie).</translation>
    </message>
    <message>
        <source>Synchronising did not work.</source>
        <translation>Synchroniseren lukte niet.</translation>
    </message>
    <message>
        <source>Discreet mode: only aliases and initials</source>
        <translation>Discrete modus: alleen aliassen en initialen</translation>
    </message>
    <message>
        <source>Discreet mode off</source>
        <translation>Discrete modus uit</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Vergrendeld</translation>
    </message>
    <message numerus="yes">
        <source>Unlocked — locks after %n min of inactivity</source>
        <translation>
            <numerusform>Ontgrendeld — vergrendelt na %n min inactiviteit</numerusform>
            <numerusform>Ontgrendeld — vergrendelt na %n min inactiviteit</numerusform>
        </translation>
    </message>
    <message>
        <source>The vault could not be opened.</source>
        <translation>De kluis kon niet geopend worden.</translation>
    </message>
    <message>
        <source>Import a spreadsheet…</source>
        <translation>Rekenblad importeren…</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Een rekenblad importeren</translation>
    </message>
</context>
<context>
    <name>MissingPartner</name>
    <message>
        <source>No partners yet</source>
        <translation>Nog geen partners</translation>
    </message>
    <message>
        <source>Add a partner to the sociale kaart…</source>
        <translation>Partner toevoegen aan de sociale kaart…</translation>
    </message>
    <message>
        <source>Add a partner to the sociale kaart</source>
        <translation>Een partner toevoegen aan de sociale kaart</translation>
    </message>
    <message>
        <source>ℹ The receiver is not on the sociale kaart yet. Add the organisation first; it is then available here and for every other person.</source>
        <translation>ℹ De ontvanger staat nog niet op de sociale kaart. Voeg de organisatie eerst toe; ze is dan hier en voor elke andere persoon beschikbaar.</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Add to the network</source>
        <translation>Toevoegen aan het netwerk</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Soort</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>&amp;Relation</source>
        <translation>&amp;Relatie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisatie</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contactpersoon</translation>
    </message>
    <message>
        <source>&amp;Contact person</source>
        <translation>&amp;Contactpersoon</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Tele&amp;foon</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>&amp;Since</source>
        <translation>S&amp;inds</translation>
    </message>
    <message>
        <source>Holds a file on the person</source>
        <translation>Heeft een dossier over de persoon</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <source>Life domains</source>
        <translation>Levensdomeinen</translation>
    </message>
    <message>
        <source>&amp;Life domains</source>
        <translation>&amp;Levensdomeinen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>No&amp;te</source>
        <translation>No&amp;titie</translation>
    </message>
</context>
<context>
    <name>NewOrganisationDialog</name>
    <message>
        <source>Set up a new organisation</source>
        <translation>Nieuwe organisatie opzetten</translation>
    </message>
    <message>
        <source>Central store</source>
        <translation>Centrale opslag</translation>
    </message>
    <message>
        <source>Do this once, on the coordinator&apos;s laptop, right after the central store was installed. This laptop becomes the first coordinator. The setup token is in the file setup-token in the store&apos;s data folder.</source>
        <translation>Doe dit één keer, op de laptop van de coördinator, meteen nadat de centrale opslag geïnstalleerd werd. Deze laptop wordt de eerste coördinator. Het installatietoken staat in het bestand setup-token in de gegevensmap van de opslag.</translation>
    </message>
    <message>
        <source>Address of the central store</source>
        <translation>Adres van de centrale opslag</translation>
    </message>
    <message>
        <source>Setup token</source>
        <translation>Installatietoken</translation>
    </message>
    <message>
        <source>Name of the organisation</source>
        <translation>Naam van de organisatie</translation>
    </message>
    <message>
        <source>e.g. VZW De Brug</source>
        <translation>bv. vzw De Brug</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>Opzetten</translation>
    </message>
    <message>
        <source>Set up the organisation</source>
        <translation>De organisatie opzetten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Recovery key of the organisation</source>
        <translation>Herstelsleutel van de organisatie</translation>
    </message>
    <message>
        <source>With this key the organisation can read its teams&apos; data again if every coordinator&apos;s laptop is lost. Write it down or print this screen, and keep it offline in a locked place, away from the laptops. It is shown only this once and is not stored anywhere.</source>
        <translation>Met deze sleutel kan de organisatie de gegevens van haar teams weer lezen als de laptops van alle coördinatoren verloren zijn. Schrijf hem over of druk dit scherm af, en bewaar hem offline op een afgesloten plek, weg van de laptops. Hij wordt alleen deze ene keer getoond en nergens bewaard.</translation>
    </message>
    <message>
        <source>Print as PDF…</source>
        <translation>Afdrukken als PDF…</translation>
    </message>
    <message>
        <source>Save the organisation&apos;s recovery key as a PDF to print</source>
        <translation>De herstelsleutel van de organisatie als PDF bewaren om af te drukken</translation>
    </message>
    <message>
        <source>I have written down the organisation&apos;s recovery key and stored it safely</source>
        <translation>Ik heb de herstelsleutel van de organisatie opgeschreven en veilig opgeborgen</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Verder</translation>
    </message>
    <message>
        <source>First team</source>
        <translation>Eerste team</translation>
    </message>
    <message>
        <source>The first team</source>
        <translation>Het eerste team</translation>
    </message>
    <message>
        <source>A team shares one key: only its members&apos; laptops can read what the team records. Give the team a name your colleagues recognise.</source>
        <translation>Een team deelt één sleutel: alleen de laptops van de leden kunnen lezen wat het team registreert. Geef het team een naam die uw collega’s herkennen.</translation>
    </message>
    <message>
        <source>Name of the team</source>
        <translation>Naam van het team</translation>
    </message>
    <message>
        <source>e.g. Straathoekwerk Noord</source>
        <translation>bv. Straathoekwerk Noord</translation>
    </message>
    <message>
        <source>Create team</source>
        <translation>Team aanmaken</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Create a team later</source>
        <translation>Later een team aanmaken</translation>
    </message>
    <message>
        <source>Type the setup token of the central store.</source>
        <translation>Typ het installatietoken van de centrale opslag.</translation>
    </message>
    <message>
        <source>Give the organisation a name.</source>
        <translation>Geef de organisatie een naam.</translation>
    </message>
    <message>
        <source>Save the recovery key as PDF</source>
        <translation>Herstelsleutel als PDF bewaren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Bewaard als %1</translation>
    </message>
    <message>
        <source>Give the team a name.</source>
        <translation>Geef het team een naam.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseForm</name>
    <message>
        <source>New passphrase</source>
        <translation>Nieuwe wachtwoordzin</translation>
    </message>
    <message>
        <source>Feedback on the passphrase</source>
        <translation>Melding bij de wachtwoordzin</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Herhaal de wachtwoordzin</translation>
    </message>
    <message>
        <source>Feedback on the repeated passphrase</source>
        <translation>Melding bij de herhaalde wachtwoordzin</translation>
    </message>
    <message>
        <source>At least 12 characters. A sentence of a few words works well and is easy to remember. Pasting is allowed.</source>
        <translation>Minstens 12 tekens. Een zin van enkele woorden werkt goed en onthoudt u makkelijk. Plakken mag.</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Kies een wachtwoordzin</translation>
    </message>
    <message>
        <source>This passphrase is fine.</source>
        <translation>Deze wachtwoordzin is goed.</translation>
    </message>
    <message>
        <source>Both passphrases are the same.</source>
        <translation>Beide wachtwoordzinnen zijn gelijk.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>De twee wachtwoordzinnen zijn nog niet gelijk.</translation>
    </message>
    <message>
        <source>Type a passphrase.</source>
        <translation>Typ een wachtwoordzin.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>De twee wachtwoordzinnen zijn niet gelijk.</translation>
    </message>
</context>
<context>
    <name>NewPseudonymDialog</name>
    <message>
        <source>New person</source>
        <translation>Nieuwe persoon</translation>
    </message>
    <message>
        <source>Start with a pseudonym: an alias is enough. A full client file comes later, only when the person agrees.</source>
        <translation>Begin met een pseudoniem: een alias volstaat. Een volledig cliëntdossier komt later, alleen als de persoon akkoord gaat.</translation>
    </message>
    <message>
        <source>&amp;Alias</source>
        <translation>&amp;Alias</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>&amp;First met on</source>
        <translation>&amp;Eerste ontmoeting op</translation>
    </message>
    <message>
        <source>First met on</source>
        <translation>Eerste ontmoeting op</translation>
    </message>
    <message>
        <source>How you met</source>
        <translation>Hoe u elkaar ontmoette</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>&amp;Hoe</translation>
    </message>
    <message>
        <source>Vindplaats</source>
        <translation>Vindplaats</translation>
    </message>
    <message>
        <source>(choose a vindplaats)</source>
        <translation>(kies een vindplaats)</translation>
    </message>
    <message>
        <source>&amp;Vindplaats</source>
        <translation>&amp;Vindplaats</translation>
    </message>
    <message>
        <source>&amp;Referred by</source>
        <translation>&amp;Doorverwezen door</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notitie</translation>
    </message>
</context>
<context>
    <name>NewTeamDialog</name>
    <message>
        <source>New team</source>
        <translation>Nieuw team</translation>
    </message>
    <message>
        <source>A new team gets its own key. This laptop and the organisation&apos;s recovery key receive it; invite colleagues to add their laptops.</source>
        <translation>Een nieuw team krijgt een eigen sleutel. Deze laptop en de herstelsleutel van de organisatie krijgen hem; nodig collega’s uit om hun laptops toe te voegen.</translation>
    </message>
    <message>
        <source>Name of the team</source>
        <translation>Naam van het team</translation>
    </message>
    <message>
        <source>e.g. Straathoekwerk Noord</source>
        <translation>bv. Straathoekwerk Noord</translation>
    </message>
    <message>
        <source>Create team</source>
        <translation>Team aanmaken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Give the team a name.</source>
        <translation>Geef het team een naam.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>That did not work: something went wrong.</source>
        <translation>Dat lukte niet: er ging iets mis.</translation>
    </message>
</context>
<context>
    <name>OrgContactDialog</name>
    <message>
        <source>New contact person at %1</source>
        <translation>Nieuwe contactpersoon bij %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Functie</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Functie</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
</context>
<context>
    <name>OrganisationBox</name>
    <message>
        <source>The organisation</source>
        <translation>De organisatie</translation>
    </message>
    <message>
        <source>&amp;Organisation (controller)</source>
        <translation>Or&amp;ganisatie (verwerkingsverantwoordelijke)</translation>
    </message>
    <message>
        <source>&amp;Address and contact</source>
        <translation>&amp;Adres en contact</translation>
    </message>
    <message>
        <source>&amp;DPO</source>
        <translation>Functionaris gegevens&amp;bescherming</translation>
    </message>
    <message>
        <source>Central store &amp;location</source>
        <translation>&amp;Locatie centrale opslag</translation>
    </message>
    <message>
        <source>&amp;Purposes (one per line)</source>
        <translation>&amp;Doeleinden (één per regel)</translation>
    </message>
    <message>
        <source>Extra &amp;security measures</source>
        <translation>Bijkomende be&amp;veiligingsmaatregelen</translation>
    </message>
    <message>
        <source> years after closure</source>
        <translation> jaar na afsluiting</translation>
    </message>
    <message>
        <source>Erase a closed file after this many years</source>
        <translation>Een afgesloten dossier wissen na zoveel jaar</translation>
    </message>
    <message>
        <source>&amp;Retention</source>
        <translation>Bewaa&amp;rtermijn</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Bewaren</translation>
    </message>
    <message>
        <source>Save the organisation&apos;s rules</source>
        <translation>De regels van de organisatie bewaren</translation>
    </message>
    <message>
        <source>Record of processing (PDF)…</source>
        <translation>Register van verwerkingen (PDF)…</translation>
    </message>
    <message>
        <source>Export the record of processing activities as PDF</source>
        <translation>Het register van verwerkingsactiviteiten exporteren als PDF</translation>
    </message>
    <message>
        <source>Feedback on the organisation&apos;s rules</source>
        <translation>Feedback over de regels van de organisatie</translation>
    </message>
    <message>
        <source>The organisation&apos;s rules reach every laptop of your team. Together they make the record of processing activities (GDPR article 30) your DPO asks for. The retention rule: five years after closure unless you set otherwise, because the ESF+ asks to keep the documents of a funded trajectory five years, and the GDPR asks to keep nothing longer than needed.</source>
        <translation>De regels van de organisatie bereiken elke laptop van uw team. Samen vormen ze het register van verwerkingsactiviteiten (AVG artikel 30) dat uw functionaris vraagt. De bewaartermijn: vijf jaar na de afsluiting tenzij u iets anders kiest, omdat ESF+ vraagt de stukken van een gesubsidieerd traject vijf jaar te bewaren, en de AVG vraagt niets langer te bewaren dan nodig.</translation>
    </message>
    <message>
        <source>Only a coordinator can do this.</source>
        <translation>Alleen een coördinator kan dit.</translation>
    </message>
    <message>
        <source>The organisation&apos;s rules were saved.</source>
        <translation>De regels van de organisatie zijn bewaard.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Niet bewaard.</translation>
    </message>
    <message>
        <source>Save the record of processing as</source>
        <translation>Het register van verwerkingen bewaren als</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF-bestanden (*.pdf);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Saved in %1.</source>
        <translation>Bewaard in %1.</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>Edit partner</source>
        <translation>Partner bewerken</translation>
    </message>
    <message>
        <source>New partner on the sociale kaart</source>
        <translation>Nieuwe partner op de sociale kaart</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>Kind of organisation</source>
        <translation>Soort organisatie</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Soort</translation>
    </message>
    <message>
        <source>Life domains they help with</source>
        <translation>Levensdomeinen waarin ze helpen</translation>
    </message>
    <message>
        <source>&amp;Life domains</source>
        <translation>&amp;Levensdomeinen</translation>
    </message>
    <message>
        <source>What they offer</source>
        <translation>Wat ze aanbieden</translation>
    </message>
    <message>
        <source>&amp;Offer</source>
        <translation>&amp;Aanbod</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>A&amp;dres</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;otitie</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Exception to the consent</source>
        <translation>Uitzondering op de toestemming</translation>
    </message>
    <message>
        <source>Only when sharing is really necessary and the person cannot agree now (for example in a crisis). The reason and what you shared are written to the audit log.</source>
        <translation>Alleen als delen echt nodig is en de persoon nu niet kan instemmen (bijvoorbeeld in een crisis). De reden en wat u deelde komen in het auditlog.</translation>
    </message>
    <message>
        <source>Reason for the exception</source>
        <translation>Reden voor de uitzondering</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reden</translation>
    </message>
    <message>
        <source>Problem with the reason</source>
        <translation>Probleem met de reden</translation>
    </message>
    <message>
        <source>Data to share anyway</source>
        <translation>Gegevens die toch gedeeld worden</translation>
    </message>
    <message>
        <source>&amp;Data to share anyway</source>
        <translation>&amp;Gegevens die toch gedeeld worden</translation>
    </message>
    <message>
        <source>Problem with the data</source>
        <translation>Probleem met de gegevens</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Uw wachtwoordzin</translation>
    </message>
    <message>
        <source>Your &amp;passphrase</source>
        <translation>Uw &amp;wachtwoordzin</translation>
    </message>
    <message>
        <source>Problem with the passphrase</source>
        <translation>Probleem met de wachtwoordzin</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Bezig met controleren…</translation>
    </message>
    <message>
        <source>Share anyway</source>
        <translation>Toch delen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Choose a new passphrase</source>
        <translation>Kies een nieuwe wachtwoordzin</translation>
    </message>
    <message>
        <source>You opened the vault with your recovery key. Choose a new passphrase now; you will use it from now on.</source>
        <translation>U opende de kluis met uw herstelsleutel. Kies nu een nieuwe wachtwoordzin; die gebruikt u voortaan.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Wachtwoordzin wijzigen</translation>
    </message>
    <message>
        <source>Your data stay as they are; only the lock changes. You will need the new passphrase the next time you unlock.</source>
        <translation>Uw gegevens blijven zoals ze zijn; alleen het slot verandert. De volgende keer ontgrendelt u met de nieuwe wachtwoordzin.</translation>
    </message>
    <message>
        <source>Feedback on the current passphrase</source>
        <translation>Melding bij de huidige wachtwoordzin</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Huidige wachtwoordzin</translation>
    </message>
    <message>
        <source>Saving the new passphrase…</source>
        <translation>De nieuwe wachtwoordzin wordt bewaard…</translation>
    </message>
    <message>
        <source>Save passphrase</source>
        <translation>Wachtwoordzin bewaren</translation>
    </message>
    <message>
        <source>Lock again</source>
        <translation>Opnieuw vergrendelen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Type your current passphrase.</source>
        <translation>Typ uw huidige wachtwoordzin.</translation>
    </message>
    <message>
        <source>Something went wrong; the passphrase was not changed.</source>
        <translation>Er liep iets mis; de wachtwoordzin werd niet gewijzigd.</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 tonen</translation>
    </message>
</context>
<context>
    <name>PersonDialogs</name>
    <message>
        <source>Strong</source>
        <translation>Sterk</translation>
    </message>
    <message>
        <source>Sufficient</source>
        <translation>Voldoende</translation>
    </message>
    <message>
        <source>Needs work</source>
        <translation>Werkpunt</translation>
    </message>
    <message>
        <source>Informal</source>
        <translation>Informeel</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professioneel</translation>
    </message>
</context>
<context>
    <name>PersonEditDialog</name>
    <message>
        <source>Edit details</source>
        <translation>Gegevens bewerken</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>&amp;Alias</source>
        <translation>&amp;Alias</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Familienaam</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Languages, separated by commas</source>
        <translation>Talen, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>Needs an interpreter</source>
        <translation>Heeft een tolk nodig</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Taal van de tolk</translation>
    </message>
    <message>
        <source>Radar</source>
        <translation>Radar</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Voornaam</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Familienaam</translation>
    </message>
    <message>
        <source>Hidden in discreet mode (Ctrl+D)</source>
        <translation>Verborgen in discrete modus (Ctrl+D)</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>&amp;Geboortedatum</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefoon</translation>
    </message>
    <message>
        <source>&amp;Languages</source>
        <translation>Ta&amp;len</translation>
    </message>
    <message>
        <source>&amp;Interpreter</source>
        <translation>Tol&amp;k</translation>
    </message>
    <message>
        <source>Interpreter lang&amp;uage</source>
        <translation>Taal van de t&amp;olk</translation>
    </message>
    <message>
        <source>&amp;Radar</source>
        <translation>&amp;Radar</translation>
    </message>
    <message>
        <source>Referred &amp;by</source>
        <translation>Doorverwezen &amp;door</translation>
    </message>
    <message>
        <source>Target groups (optional, never printed)</source>
        <translation>Doelgroepen (optioneel, nooit afgedrukt)</translation>
    </message>
    <message>
        <source>&amp;Target groups</source>
        <translation>Doelgroe&amp;pen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notitie</translation>
    </message>
    <message>
        <source>A client file needs a given name.</source>
        <translation>Een cliëntdossier heeft een voornaam nodig.</translation>
    </message>
    <message>
        <source>A date of birth cannot be in the future.</source>
        <translation>Een geboortedatum kan niet in de toekomst liggen.</translation>
    </message>
    <message>
        <source>National register number</source>
        <translation>Rijksregisternummer</translation>
    </message>
    <message>
        <source>&amp;National register number</source>
        <translation>Rijk&amp;sregisternummer</translation>
    </message>
</context>
<context>
    <name>PersonFile</name>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Low flame on</source>
        <translation>Lager pitje aan</translation>
    </message>
    <message>
        <source>Low flame off</source>
        <translation>Lager pitje uit</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Afgesloten</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Heropend</translation>
    </message>
    <message>
        <source>Column headers</source>
        <translation>Kolomkoppen</translation>
    </message>
</context>
<context>
    <name>PersonFilePage</name>
    <message>
        <source>Person file</source>
        <translation>Persoonsdossier</translation>
    </message>
    <message>
        <source>← Caseload</source>
        <translation>← Caseload</translation>
    </message>
    <message>
        <source>Back to caseload</source>
        <translation>Terug naar de caseload</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>New contact moment (Ctrl+N)</source>
        <translation>Nieuw contactmoment (Ctrl+N)</translation>
    </message>
    <message>
        <source>New contact moment with this person</source>
        <translation>Nieuw contactmoment met deze persoon</translation>
    </message>
    <message>
        <source>Phase and status</source>
        <translation>Fase en status</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Parts of the file</source>
        <translation>Delen van het dossier</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Overzicht</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <source>Turn into a client file…</source>
        <translation>Omzetten naar cliëntdossier…</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>&amp;Contacten</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <source>Reached?</source>
        <translation>Bereikt?</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Private: %1</source>
        <translation>Privé: %1</translation>
    </message>
    <message>
        <source>Private note — never shared or printed</source>
        <translation>Privénotitie — wordt nooit gedeeld of afgedrukt</translation>
    </message>
    <message>
        <source>Contact moments, newest first</source>
        <translation>Contactmomenten, nieuwste eerst</translation>
    </message>
    <message>
        <source>No contact moments yet. Press Ctrl+N to write down the first one.</source>
        <translation>Nog geen contactmomenten. Druk op Ctrl+N om het eerste te noteren.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Sync conflicts in this file</source>
        <translation>Synchronisatieconflicten in dit dossier</translation>
    </message>
    <message>
        <source>C&amp;onsent &amp;&amp; handover</source>
        <translation>Toe&amp;stemming &amp;&amp; overdracht</translation>
    </message>
    <message>
        <source>Edit the details</source>
        <translation>De gegevens bewerken</translation>
    </message>
    <message>
        <source>ESF+ data…</source>
        <translation>ESF+-gegevens…</translation>
    </message>
    <message>
        <source>ESF+ participant data</source>
        <translation>ESF+-gegevens van de deelnemer</translation>
    </message>
    <message>
        <source>Rights of the person</source>
        <translation>Rechten van de persoon</translation>
    </message>
    <message>
        <source>The person may see everything you keep about them, take it along, or ask to be forgotten.</source>
        <translation>De persoon mag alles zien wat u over hem of haar bijhoudt, het meenemen, of vragen om vergeten te worden.</translation>
    </message>
    <message>
        <source>Export everything (PDF)…</source>
        <translation>Alles exporteren (PDF)…</translation>
    </message>
    <message>
        <source>Export everything (JSON)…</source>
        <translation>Alles exporteren (JSON)…</translation>
    </message>
    <message>
        <source>Result of the export</source>
        <translation>Resultaat van de export</translation>
    </message>
    <message>
        <source>Edit contact moment</source>
        <translation>Contactmoment bewerken</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>Delete contact moment</source>
        <translation>Contactmoment verwijderen</translation>
    </message>
    <message>
        <source>&amp;Trajectory</source>
        <translation>&amp;Traject</translation>
    </message>
    <message>
        <source>Current phase</source>
        <translation>Huidige fase</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Stap</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Trajectory history</source>
        <translation>Verloop van het traject</translation>
    </message>
    <message>
        <source>Change phase…</source>
        <translation>Fase wijzigen…</translation>
    </message>
    <message>
        <source>Low flame…</source>
        <translation>Lager pitje…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Afsluiten…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Heropenen…</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Na</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n maand</numerusform>
            <numerusform>%n maanden</numerusform>
        </translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Vervalt op</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Afgewerkt</translation>
    </message>
    <message>
        <source>✓ done on %1</source>
        <translation>✓ afgewerkt op %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Opvolgingen</translation>
    </message>
    <message>
        <source>Follow-up: how lasting was it</source>
        <translation>Opvolging: hoe duurzaam was het</translation>
    </message>
    <message>
        <source>Record result…</source>
        <translation>Resultaat noteren…</translation>
    </message>
    <message>
        <source>Record the follow-up&apos;s result</source>
        <translation>Het resultaat van de opvolging noteren</translation>
    </message>
    <message>
        <source>Plan follow-ups…</source>
        <translation>Opvolging plannen…</translation>
    </message>
    <message>
        <source>Plan follow-ups after a job or training</source>
        <translation>Opvolging plannen na een job of opleiding</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>&amp;Netwerk</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Holds a file</source>
        <translation>Heeft een dossier</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Network around the person</source>
        <translation>Netwerk rond de persoon</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <source>Add to the network</source>
        <translation>Toevoegen aan het netwerk</translation>
    </message>
    <message>
        <source>Delete from the network</source>
        <translation>Uit het netwerk verwijderen</translation>
    </message>
    <message>
        <source>&amp;Drempels</source>
        <translation>&amp;Drempels</translation>
    </message>
    <message>
        <source>Drempels per life domain</source>
        <translation>Drempels per levensdomein</translation>
    </message>
    <message>
        <source>Life domain</source>
        <translation>Levensdomein</translation>
    </message>
    <message>
        <source>Drempel</source>
        <translation>Drempel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Drempels</source>
        <translation>Drempels</translation>
    </message>
    <message>
        <source>Add drempel</source>
        <translation>Drempel toevoegen</translation>
    </message>
    <message>
        <source>Edit drempel</source>
        <translation>Drempel bewerken</translation>
    </message>
    <message>
        <source>Delete drempel</source>
        <translation>Drempel verwijderen</translation>
    </message>
    <message>
        <source>Related ZRM domains</source>
        <translation>Verwante ZRM-domeinen</translation>
    </message>
    <message>
        <source>Work readiness (apart from the life domains)</source>
        <translation>Werkrijpheid (apart van de levensdomeinen)</translation>
    </message>
    <message>
        <source>Work readiness</source>
        <translation>Werkrijpheid</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>Assess…</source>
        <translation>Beoordelen…</translation>
    </message>
    <message>
        <source>Assess work readiness</source>
        <translation>Werkrijpheid beoordelen</translation>
    </message>
    <message>
        <source>Delete work readiness item</source>
        <translation>Werkrijpheidsitem verwijderen</translation>
    </message>
    <message>
        <source>ZRM</source>
        <translation>ZRM</translation>
    </message>
    <message>
        <source>&amp;ZRM</source>
        <translation>&amp;ZRM</translation>
    </message>
    <message>
        <source>No drempels written down for %1 yet. Add one with Add….</source>
        <translation>Nog geen drempels genoteerd voor %1. Voeg er een toe met Toevoegen….</translation>
    </message>
    <message>
        <source>ZRM: %1 (%2)</source>
        <translation>ZRM: %1 (%2)</translation>
    </message>
    <message>
        <source>ZRM: %1 (not scored yet)</source>
        <translation>ZRM: %1 (nog niet gescoord)</translation>
    </message>
    <message>
        <source>&amp;Agreements</source>
        <translation>&amp;Afspraken</translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation>✓ afgewerkt</translation>
    </message>
    <message>
        <source>☐ open</source>
        <translation>☐ open</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Afgewerkt op</translation>
    </message>
    <message>
        <source>Agreements and to-dos (Space: done or open)</source>
        <translation>Afspraken en to-do&apos;s (spatie: afgewerkt of open)</translation>
    </message>
    <message>
        <source>New agreement…</source>
        <translation>Nieuwe afspraak…</translation>
    </message>
    <message>
        <source>Done / open</source>
        <translation>Afgewerkt / open</translation>
    </message>
    <message>
        <source>Mark agreement done or open</source>
        <translation>Afspraak afgewerkt of open zetten</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) in this file changed on two devices at once.</source>
        <translation>
            <numerusform>%n waarde in dit dossier werd op twee toestellen tegelijk gewijzigd.</numerusform>
            <numerusform>%n waarden in dit dossier werden op twee toestellen tegelijk gewijzigd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check them</source>
        <translation>Bekijken</translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation>Het dossier kon niet geopend worden.</translation>
    </message>
    <message>
        <source>Current phase: %1</source>
        <translation>Huidige fase: %1</translation>
    </message>
    <message>
        <source>on a low flame</source>
        <translation>op een lager pitje</translation>
    </message>
    <message>
        <source>closed on %1 (%2)</source>
        <translation>afgesloten op %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) back</source>
        <translation>
            <numerusform>%n stap terug</numerusform>
            <numerusform>%n stappen terug</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reopened %n time(s)</source>
        <translation>
            <numerusform>%n keer heropend</numerusform>
            <numerusform>%n keer heropend</numerusform>
        </translation>
    </message>
    <message>
        <source>Take off the low flame…</source>
        <translation>Lager pitje uit…</translation>
    </message>
    <message>
        <source>Put on a low flame…</source>
        <translation>Op een lager pitje…</translation>
    </message>
    <message>
        <source>Client file</source>
        <translation>Cliëntdossier</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudoniem</translation>
    </message>
    <message>
        <source>hidden (discreet mode)</source>
        <translation>verborgen (discrete modus)</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Client file since</source>
        <translation>Cliëntdossier sinds</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Talen</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Tolk</translation>
    </message>
    <message>
        <source>needed</source>
        <translation>nodig</translation>
    </message>
    <message>
        <source>Radar</source>
        <translation>Radar</translation>
    </message>
    <message>
        <source>First met on</source>
        <translation>Eerste ontmoeting op</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hoe</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>Doorverwezen door</translation>
    </message>
    <message>
        <source>Target groups</source>
        <translation>Doelgroepen</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Werker</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Laatste contact</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>Volgend contact</translation>
    </message>
    <message>
        <source>Save everything about this person as</source>
        <translation>Alles over deze persoon opslaan als</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-bestanden (*.json)</translation>
    </message>
    <message>
        <source>Everything about this person was saved in %1.</source>
        <translation>Alles over deze persoon is bewaard in %1.</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Er werd niets bewaard.</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Typ uw wachtwoordzin.</translation>
    </message>
    <message>
        <source>The person was erased.</source>
        <translation>De persoon werd gewist.</translation>
    </message>
    <message>
        <source>Nothing was erased.</source>
        <translation>Er werd niets gewist.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Niet opgeslagen.</translation>
    </message>
    <message>
        <source>Delete the contact moment of %1?</source>
        <translation>Het contactmoment van %1 verwijderen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Delete this line from the file? This cannot be undone.</source>
        <translation>Deze regel uit het dossier verwijderen? Dit kan niet ongedaan gemaakt worden.</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Persoon verwijderen</translation>
    </message>
    <message>
        <source>Delete %1 with all contact moments from your caseload? This cannot be undone.</source>
        <translation>%1 met alle contactmomenten uit uw caseload verwijderen? Dit kan niet ongedaan gemaakt worden.</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>In één oogopslag</translation>
    </message>
    <message numerus="yes">
        <source>since %1 (%n week(s))</source>
        <translation>
            <numerusform>sinds %1 (%n week)</numerusform>
            <numerusform>sinds %1 (%n weken)</numerusform>
        </translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>sinds %1</translation>
    </message>
    <message>
        <source>⚠ not planned</source>
        <translation>⚠ niet gepland</translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n te laat</numerusform>
            <numerusform>%n te laat</numerusform>
        </translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>uiterlijk %1</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Afspraken</translation>
    </message>
    <message>
        <source>none open</source>
        <translation>geen open</translation>
    </message>
    <message>
        <source>none active</source>
        <translation>geen actieve</translation>
    </message>
    <message>
        <source>not assessed yet</source>
        <translation>nog niet gemeten</translation>
    </message>
    <message>
        <source>%1: average %2</source>
        <translation>%1: gemiddeld %2</translation>
    </message>
    <message>
        <source>(%1 %2 since %3; %4 better, %5 worse)</source>
        <translation>(%1 %2 sinds %3; %4 beter, %5 slechter)</translation>
    </message>
    <message numerus="yes">
        <source>%n valid consent(s)</source>
        <translation>
            <numerusform>%n geldige toestemming</numerusform>
            <numerusform>%n geldige toestemmingen</numerusform>
        </translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>tot %1</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Toestemming</translation>
    </message>
    <message>
        <source>⚠ no valid consent any more</source>
        <translation>⚠ geen geldige toestemming meer</translation>
    </message>
    <message>
        <source>none recorded: share nothing</source>
        <translation>geen genoteerd: deel niets</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>op %1</translation>
    </message>
    <message>
        <source>First met</source>
        <translation>Eerst ontmoet</translation>
    </message>
    <message>
        <source>Private note (only for you)</source>
        <translation>Privénotitie (alleen voor u)</translation>
    </message>
    <message>
        <source>Delete a file made by mistake…</source>
        <translation>Foutief aangemaakt dossier verwijderen…</translation>
    </message>
    <message>
        <source>Erase everything at the person&apos;s request…</source>
        <translation>Alles wissen op vraag van de persoon…</translation>
    </message>
    <message>
        <source>Not deleted.</source>
        <translation>Niet verwijderd.</translation>
    </message>
    <message>
        <source>Hand on…</source>
        <translation>Overdragen…</translation>
    </message>
    <message>
        <source>Hand on to a colleague</source>
        <translation>Overdragen aan een collega</translation>
    </message>
    <message>
        <source>Followed by</source>
        <translation>Gevolgd door</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Matching people</source>
        <translation>Gevonden personen</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>geboren %1</translation>
    </message>
    <message>
        <source>last contact %1</source>
        <translation>laatste contact %1</translation>
    </message>
    <message>
        <source>no contact yet</source>
        <translation>nog geen contact</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more: type more of the name</source>
        <translation>
            <numerusform>… en nog %n: typ meer van de naam</numerusform>
            <numerusform>… en nog %n: typ meer van de naam</numerusform>
        </translation>
    </message>
    <message>
        <source>New person “%1”…</source>
        <translation>Nieuwe persoon “%1”…</translation>
    </message>
    <message>
        <source>Nobody found — new person “%1”…</source>
        <translation>Niemand gevonden — nieuwe persoon “%1”…</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) found</source>
        <translation>
            <numerusform>%n persoon gevonden</numerusform>
            <numerusform>%n personen gevonden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanFollowUpsDialog</name>
    <message>
        <source>Plan follow-ups</source>
        <translation>Opvolging plannen</translation>
    </message>
    <message>
        <source>Follow-ups after a job or a training start, so that you can tell later how lasting it was.</source>
        <translation>Opvolging na de start van een job of opleiding, zodat u later weet hoe duurzaam het was.</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>&amp;After</source>
        <translation>&amp;Na</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>&amp;Start date</source>
        <translation>&amp;Startdatum</translation>
    </message>
</context>
<context>
    <name>PresenceDialog</name>
    <message>
        <source>Presence at %1</source>
        <translation>Aanwezigheid in %1</translation>
    </message>
    <message>
        <source>Anonymous tallies only: these numbers belong to no person.</source>
        <translation>Alleen anonieme turven: deze aantallen horen bij geen enkele persoon.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>Number of people spoken to</source>
        <translation>Aantal gesproken mensen</translation>
    </message>
    <message>
        <source>People &amp;spoken to</source>
        <translation>&amp;Gesproken mensen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Duur in minuten</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>D&amp;uur</translation>
    </message>
    <message>
        <source>People per age band</source>
        <translation>Mensen per leeftijdsgroep</translation>
    </message>
    <message>
        <source>Per &amp;age band</source>
        <translation>Per &amp;leeftijdsgroep</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Onderwerpen</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>&amp;Onderwerpen</translation>
    </message>
    <message>
        <source>Note (no names)</source>
        <translation>Notitie (geen namen)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notitie</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Bestands&amp;type:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>Bestands&amp;naam:</translation>
    </message>
</context>
<context>
    <name>QuickEntryDialog</name>
    <message>
        <source>Edit contact moment</source>
        <translation>Contactmoment bewerken</translation>
    </message>
    <message>
        <source>New contact moment</source>
        <translation>Nieuw contactmoment</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Opslaan (Ctrl+S)</translation>
    </message>
    <message>
        <source>Person: type part of the alias or name</source>
        <translation>Persoon: typ een deel van de alias of naam</translation>
    </message>
    <message>
        <source>Type part of the alias or name, then Enter (several people: repeat)</source>
        <translation>Typ een deel van de alias of naam, dan Enter (meerdere personen: herhaal)</translation>
    </message>
    <message>
        <source>People in this contact (ticked: was there)</source>
        <translation>Personen in dit contact (aangevinkt: was er)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Persoon</translation>
    </message>
    <message>
        <source>Summary (may be shared)</source>
        <translation>Samenvatting (mag gedeeld worden)</translation>
    </message>
    <message>
        <source>What happened, in a few words. This text may end up in a handover.</source>
        <translation>Wat er gebeurde, in enkele woorden. Deze tekst kan in een overdracht terechtkomen.</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>&amp;Samenvatting</translation>
    </message>
    <message>
        <source>Reached?</source>
        <translation>Bereikt?</translation>
    </message>
    <message>
        <source>&amp;Reached?</source>
        <translation>&amp;Bereikt?</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>&amp;Kanaal</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Duur in minuten</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Wanneer</translation>
    </message>
    <message>
        <source>Vindplaats</source>
        <translation>Vindplaats</translation>
    </message>
    <message>
        <source>(no vindplaats)</source>
        <translation>(geen vindplaats)</translation>
    </message>
    <message>
        <source>&amp;Vindplaats</source>
        <translation>&amp;Vindplaats</translation>
    </message>
    <message>
        <source>Who took the initiative</source>
        <translation>Wie nam het initiatief</translation>
    </message>
    <message>
        <source>&amp;Initiative</source>
        <translation>&amp;Initiatief</translation>
    </message>
    <message>
        <source>Life domains touched (Space ticks)</source>
        <translation>Besproken levensdomeinen (spatie vinkt aan)</translation>
    </message>
    <message>
        <source>&amp;Life domains</source>
        <translation>&amp;Levensdomeinen</translation>
    </message>
    <message>
        <source>Private note — never shared or printed</source>
        <translation>Privénotitie — wordt nooit gedeeld of afgedrukt</translation>
    </message>
    <message>
        <source>Only for you: never shared, never printed, never in a handover.</source>
        <translation>Alleen voor u: nooit gedeeld, nooit afgedrukt, nooit in een overdracht.</translation>
    </message>
    <message>
        <source>Plan a next contact</source>
        <translation>Volgend contact plannen</translation>
    </message>
    <message>
        <source>About the next contact</source>
        <translation>Over het volgende contact</translation>
    </message>
    <message>
        <source>What for (optional)</source>
        <translation>Waarvoor (optioneel)</translation>
    </message>
    <message>
        <source>Agreement or to-do</source>
        <translation>Afspraak of to-do</translation>
    </message>
    <message>
        <source>e.g. bring the rent contract (optional)</source>
        <translation>bv. huurcontract meebrengen (optioneel)</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Wie doet het</translation>
    </message>
    <message>
        <source>Name of the owner</source>
        <translation>Naam van wie het doet</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>Naam (optioneel)</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Vervaldatum</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>&amp;Agreement</source>
        <translation>&amp;Afspraak</translation>
    </message>
    <message>
        <source>Name of the group activity</source>
        <translation>Naam van de groepsactiviteit</translation>
    </message>
    <message>
        <source>Only for a group activity (optional)</source>
        <translation>Alleen voor een groepsactiviteit (optioneel)</translation>
    </message>
    <message>
        <source>&amp;Group activity</source>
        <translation>&amp;Groepsactiviteit</translation>
    </message>
    <message>
        <source>Others present</source>
        <translation>Anderen aanwezig</translation>
    </message>
    <message>
        <source>Kind of participant</source>
        <translation>Soort deelnemer</translation>
    </message>
    <message>
        <source>Network member</source>
        <translation>Iemand uit het netwerk</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professioneel</translation>
    </message>
    <message>
        <source>Name of the participant</source>
        <translation>Naam van de deelnemer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Organisation of the participant</source>
        <translation>Organisatie van de deelnemer</translation>
    </message>
    <message>
        <source>Organisation (optional)</source>
        <translation>Organisatie (optioneel)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Deelnemer toevoegen</translation>
    </message>
    <message>
        <source>Others present (Delete removes)</source>
        <translation>Anderen aanwezig (Delete verwijdert)</translation>
    </message>
    <message>
        <source>Choose at least one person.</source>
        <translation>Kies minstens één persoon.</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Duur</translation>
    </message>
    <message>
        <source>Next c&amp;ontact</source>
        <translation>Volgend c&amp;ontact</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>&amp;Uiterlijk</translation>
    </message>
    <message>
        <source>Private &amp;note (only for you)</source>
        <translation>Privé&amp;notitie (alleen voor u)</translation>
    </message>
    <message>
        <source>Others p&amp;resent</source>
        <translation>Ande&amp;ren aanwezig</translation>
    </message>
    <message>
        <source>Ctrl+S or Ctrl+Enter saves · Esc closes (your text is kept as a draft) · dates: +7 is a week later, F4 opens a calendar</source>
        <translation>Ctrl+S of Ctrl+Enter bewaart · Esc sluit (uw tekst blijft bewaard als klad) · datums: +7 is een week later, F4 opent een kalender</translation>
    </message>
    <message>
        <source>The next contact must come after this one.</source>
        <translation>Het volgende contact moet na dit contactmoment liggen.</translation>
    </message>
    <message>
        <source>Which life domain was this about? Tick one with Space, or save again (Ctrl+S) to save without.</source>
        <translation>Over welk levensdomein ging het? Vink er een aan met de spatiebalk, of bewaar nog eens (Ctrl+S) om zonder te bewaren.</translation>
    </message>
</context>
<context>
    <name>RadarChart</name>
    <message>
        <source>Radar chart of the scores</source>
        <translation>Radargrafiek van de scores</translation>
    </message>
    <message>
        <source>No scores yet.</source>
        <translation>Nog geen scores.</translation>
    </message>
    <message>
        <source>No scores yet: the radar appears after the first assessment.</source>
        <translation>Nog geen scores: de radar verschijnt na de eerste meting.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>New recovery key</source>
        <translation>Nieuwe herstelsleutel</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPanel</name>
    <message>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Uw herstelsleutel</translation>
    </message>
    <message>
        <source>If you ever forget your passphrase, this key is the only way to open your vault. Write it down or print it, and keep it somewhere safe, away from this laptop. It is shown only this once.</source>
        <translation>Vergeet u ooit uw wachtwoordzin, dan opent u uw kluis alleen nog met deze sleutel. Schrijf hem over of druk hem af, en bewaar hem op een veilige plek, niet bij deze laptop. U ziet hem maar één keer.</translation>
    </message>
    <message>
        <source>Print as PDF…</source>
        <translation>Afdrukken als PDF…</translation>
    </message>
    <message>
        <source>Print the recovery key as PDF</source>
        <translation>Herstelsleutel afdrukken als PDF</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>De PDF wordt gemaakt…</translation>
    </message>
    <message>
        <source>Result of printing</source>
        <translation>Resultaat van het afdrukken</translation>
    </message>
    <message>
        <source>I have stored the recovery key safely</source>
        <translation>Ik heb de herstelsleutel veilig bewaard</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Verder</translation>
    </message>
    <message>
        <source>Save the emergency key as PDF</source>
        <translation>Noodsleutel bewaren als PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Bewaard als %1</translation>
    </message>
    <message>
        <source>The PDF could not be written. Choose another place and try again.</source>
        <translation>De PDF kon niet gemaakt worden. Kies een andere plek en probeer opnieuw.</translation>
    </message>
</context>
<context>
    <name>ReferralPicker</name>
    <message>
        <source>Referred by</source>
        <translation>Doorverwezen door</translation>
    </message>
    <message>
        <source>(choose who referred)</source>
        <translation>(kies wie doorverwees)</translation>
    </message>
    <message>
        <source>Who referred (other)</source>
        <translation>Wie verwees door (andere)</translation>
    </message>
    <message>
        <source>who referred, in a few words</source>
        <translation>wie verwees door, in enkele woorden</translation>
    </message>
    <message>
        <source>Partner: %1</source>
        <translation>Partner: %1</translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <source>Chart: %1</source>
        <translation>Grafiek: %1</translation>
    </message>
    <message>
        <source>%1 + hidden</source>
        <translation>%1 + verborgen</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>verborgen</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>geen gegevens</translation>
    </message>
    <message>
        <source>first score</source>
        <translation>eerste score</translation>
    </message>
    <message>
        <source>latest score</source>
        <translation>laatste score</translation>
    </message>
</context>
<context>
    <name>ReportSettingsDialog</name>
    <message>
        <source>Report settings</source>
        <translation>Rapportinstellingen</translation>
    </message>
    <message>
        <source>For the whole organisation. Exports hide every number under the threshold, and whatever would give one away.</source>
        <translation>Voor de hele organisatie. Exports verbergen elk aantal onder de drempel, en alles wat er een zou verraden.</translation>
    </message>
    <message>
        <source>Smallest number shown in an export</source>
        <translation>Kleinste aantal dat een export toont</translation>
    </message>
    <message>
        <source>&amp;Smallest number shown</source>
        <translation>&amp;Kleinste getoonde aantal</translation>
    </message>
    <message>
        <source>Follow-up after (months, separated by commas)</source>
        <translation>Opvolging na (maanden, gescheiden door komma&apos;s)</translation>
    </message>
    <message>
        <source>&amp;Follow-up after (months)</source>
        <translation>&amp;Opvolging na (maanden)</translation>
    </message>
    <message>
        <source>e.g. 3, 12, 24</source>
        <translation>bv. 3, 12, 24</translation>
    </message>
    <message>
        <source>Give whole numbers of months, separated by commas.</source>
        <translation>Geef gehele aantallen maanden, gescheiden door komma&apos;s.</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
    </message>
    <message numerus="yes">
        <source>rests on %n</source>
        <translation>
            <numerusform>rust op %n</numerusform>
            <numerusform>rust op %n</numerusform>
        </translation>
    </message>
    <message>
        <source>hidden in exports (small numbers)</source>
        <translation>verborgen in exports (kleine aantallen)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Rapporten</translation>
    </message>
    <message>
        <source>Reports and signals</source>
        <translation>Rapporten en signalen</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Cijfers</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Whose figures</source>
        <translation>Wiens cijfers</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Werker</translation>
    </message>
    <message>
        <source>&amp;Worker</source>
        <translation>&amp;Werker</translation>
    </message>
    <message>
        <source>Only the &amp;ESF+ view</source>
        <translation>Alleen het &amp;ESF+-beeld</translation>
    </message>
    <message>
        <source>Only the ESF+ view</source>
        <translation>Alleen het ESF+-beeld</translation>
    </message>
    <message>
        <source>Show as e&amp;xported (small numbers hidden)</source>
        <translation>Toon zoals geë&amp;xporteerd (kleine aantallen verborgen)</translation>
    </message>
    <message>
        <source>Show as exported</source>
        <translation>Toon zoals geëxporteerd</translation>
    </message>
    <message>
        <source>Sc&amp;ope</source>
        <translation>&amp;Over</translation>
    </message>
    <message>
        <source>Compute the report</source>
        <translation>Het rapport berekenen</translation>
    </message>
    <message>
        <source>Co&amp;mpute</source>
        <translation>Be&amp;rekenen</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>Exporteren als PDF</translation>
    </message>
    <message>
        <source>XLSX…</source>
        <translation>XLSX…</translation>
    </message>
    <message>
        <source>Export as XLSX</source>
        <translation>Exporteren als XLSX</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Exporteren als CSV</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Ins&amp;tellingen…</translation>
    </message>
    <message>
        <source>Report settings of the organisation</source>
        <translation>Rapportinstellingen van de organisatie</translation>
    </message>
    <message>
        <source>Progress of the report</source>
        <translation>Voortgang van het rapport</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop the report</source>
        <translation>Het rapport stoppen</translation>
    </message>
    <message>
        <source>Working on the report</source>
        <translation>Bezig met het rapport</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>Stand van het rapport</translation>
    </message>
    <message>
        <source>The figures</source>
        <translation>De cijfers</translation>
    </message>
    <message>
        <source>&amp;Figures</source>
        <translation>&amp;Cijfers</translation>
    </message>
    <message>
        <source>Structural signals</source>
        <translation>Structurele signalen</translation>
    </message>
    <message>
        <source>Barriers of the system you see in the field — a waiting list, a rule, a missing service. They name no one and are counted in the reports.</source>
        <translation>Drempels van het systeem die u op het terrein ziet — een wachtlijst, een regel, een ontbrekende dienst. Ze noemen niemand en tellen mee in de rapporten.</translation>
    </message>
    <message>
        <source>Noted on</source>
        <translation>Genoteerd op</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Mensen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Structural signals, newest first</source>
        <translation>Structurele signalen, nieuwste eerst</translation>
    </message>
    <message>
        <source>&amp;New signal…</source>
        <translation>&amp;Nieuw signaal…</translation>
    </message>
    <message>
        <source>New signal</source>
        <translation>Nieuw signaal</translation>
    </message>
    <message>
        <source>Si&amp;gnals</source>
        <translation>Si&amp;gnalen</translation>
    </message>
    <message>
        <source>The signal could not be deleted.</source>
        <translation>Het signaal kon niet verwijderd worden.</translation>
    </message>
    <message>
        <source>Edit signal</source>
        <translation>Signaal bewerken</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Bewer&amp;ken…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>Delete signal</source>
        <translation>Signaal verwijderen</translation>
    </message>
    <message>
        <source>Signals status</source>
        <translation>Stand van de signalen</translation>
    </message>
    <message>
        <source>This year (%1)</source>
        <translation>Dit jaar (%1)</translation>
    </message>
    <message>
        <source>Last year (%1)</source>
        <translation>Vorig jaar (%1)</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Dit kwartaal</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Vorig kwartaal</translation>
    </message>
    <message>
        <source>Choose dates…</source>
        <translation>Zelf datums kiezen…</translation>
    </message>
    <message>
        <source>All teams on this laptop</source>
        <translation>Alle teams op deze laptop</translation>
    </message>
    <message>
        <source>Team %1</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <source>My caseload (%1)</source>
        <translation>Mijn caseload (%1)</translation>
    </message>
    <message>
        <source>My caseload (set your name in Settings)</source>
        <translation>Mijn caseload (vul uw naam in bij Instellingen)</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>Alle werkers</translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation>Het rapport kon niet gemaakt worden.</translation>
    </message>
    <message>
        <source>%1 · %2 · state on %3 · exact figures, only for inside the team</source>
        <translation>%1 · %2 · toestand op %3 · exacte cijfers, alleen voor binnen het team</translation>
    </message>
    <message>
        <source>%1 · %2 · as exported: numbers under %3 hidden</source>
        <translation>%1 · %2 · zoals geëxporteerd: aantallen onder %3 verborgen</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-werkmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Rapport bewaren als</translation>
    </message>
    <message>
        <source>Saved in %1 (small numbers hidden).</source>
        <translation>Opgeslagen in %1 (kleine aantallen verborgen).</translation>
    </message>
    <message>
        <source>Report settings saved.</source>
        <translation>Rapportinstellingen opgeslagen.</translation>
    </message>
    <message>
        <source>Signal saved.</source>
        <translation>Signaal opgeslagen.</translation>
    </message>
    <message>
        <source>The sociale kaart could not be read.</source>
        <translation>De sociale kaart kon niet gelezen worden.</translation>
    </message>
    <message>
        <source>Delete this signal? It no longer counts in reports.</source>
        <translation>Dit signaal verwijderen? Het telt dan niet meer mee in rapporten.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Signal deleted.</source>
        <translation>Signaal verwijderd.</translation>
    </message>
</context>
<context>
    <name>RetentionBox</name>
    <message>
        <source>Retention</source>
        <translation>Bewaartermijn</translation>
    </message>
    <message>
        <source>Closed files that fall due</source>
        <translation>Afgesloten dossiers die vervallen</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Uw wachtwoordzin</translation>
    </message>
    <message>
        <source>Erase the ticked files</source>
        <translation>De aangevinkte dossiers wissen</translation>
    </message>
    <message>
        <source>Erase the ticked files for good</source>
        <translation>De aangevinkte dossiers definitief wissen</translation>
    </message>
    <message>
        <source>Result of the retention run</source>
        <translation>Resultaat van het wissen</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Wachtwoordzin</translation>
    </message>
    <message numerus="yes">
        <source>Closed files are erased %n year(s) after closure (the organisation&apos;s rule).</source>
        <translation>
            <numerusform>Afgesloten dossiers worden %n jaar na de afsluiting gewist (regel van de organisatie).</numerusform>
            <numerusform>Afgesloten dossiers worden %n jaar na de afsluiting gewist (regel van de organisatie).</numerusform>
        </translation>
    </message>
    <message>
        <source>No file falls due now.</source>
        <translation>Nu vervalt geen enkel dossier.</translation>
    </message>
    <message>
        <source>These fall due: tick the ones to erase and confirm with your passphrase. The erasure reaches every laptop and the central store.</source>
        <translation>Deze vervallen: vink aan wat gewist mag worden en bevestig met uw wachtwoordzin. Het wissen bereikt elke laptop en de centrale opslag.</translation>
    </message>
    <message>
        <source>A coordinator confirms their erasure.</source>
        <translation>Een coördinator bevestigt het wissen.</translation>
    </message>
    <message>
        <source>%1 — closed %2, due since %3</source>
        <translation>%1 — afgesloten %2, vervallen sinds %3</translation>
    </message>
    <message>
        <source>Type your passphrase to confirm.</source>
        <translation>Typ uw wachtwoordzin om te bevestigen.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) erased.</source>
        <translation>
            <numerusform>%n dossier gewist.</numerusform>
            <numerusform>%n dossiers gewist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing erased.</source>
        <translation>Niets gewist.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke a device</source>
        <translation>Een toestel intrekken</translation>
    </message>
    <message>
        <source>Revoke “%1”? From now on it cannot synchronise any more. Brugfiguur then makes a new key for each of its teams, so it cannot read anything new. What it already had stays on it: also lock or wipe the laptop if it was lost or stolen.</source>
        <translation>“%1” intrekken? Vanaf nu kan het niet meer synchroniseren. Brugfiguur maakt daarna een nieuwe teamsleutel voor elk van zijn teams, zodat het niets nieuws meer kan lezen. Wat er al op stond, blijft erop: vergrendel of wis de laptop ook als hij verloren of gestolen is.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Intrekken</translation>
    </message>
    <message>
        <source>Revoke the device</source>
        <translation>Het toestel intrekken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>One transaction: if you stop, or something fails, nothing is changed.</source>
        <translation>In één keer: als je stopt of er iets misloopt, verandert er niets.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <source>%v of %m rows</source>
        <translation>%v van %m rijen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Stop the import</source>
        <translation>De import stoppen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Stopping… nothing will be changed.</source>
        <translation>Stoppen… er wordt niets veranderd.</translation>
    </message>
</context>
<context>
    <name>ScoringForm</name>
    <message>
        <source>Score the self-sufficiency matrix</source>
        <translation>De zelfredzaamheidsmatrix scoren</translation>
    </message>
    <message>
        <source>Domains to score</source>
        <translation>Te scoren domeinen</translation>
    </message>
    <message>
        <source>Date of the assessment</source>
        <translation>Datum van de meting</translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation>Afgenomen door</translation>
    </message>
    <message>
        <source>Your name or initials</source>
        <translation>Uw naam of initialen</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>Editie</translation>
    </message>
    <message>
        <source>Source of the scores</source>
        <translation>Bron van de scores</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(niet vermeld)</translation>
    </message>
    <message>
        <source>Default target date</source>
        <translation>Standaard doeldatum</translation>
    </message>
    <message>
        <source>Date error</source>
        <translation>Fout bij de datum</translation>
    </message>
    <message>
        <source>Assessor error</source>
        <translation>Fout bij afgenomen door</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>Assessed &amp;by</source>
        <translation>Afgenomen do&amp;or</translation>
    </message>
    <message>
        <source>Ed&amp;ition</source>
        <translation>&amp;Editie</translation>
    </message>
    <message>
        <source>Sou&amp;rce</source>
        <translation>&amp;Bron</translation>
    </message>
    <message>
        <source>Default tar&amp;get date</source>
        <translation>S&amp;tandaard doeldatum</translation>
    </message>
    <message>
        <source>Criteria of the focused domain</source>
        <translation>Criteria van het gekozen domein</translation>
    </message>
    <message>
        <source>Keys: 1–5 score · 0 or N not scored (type the reason, Enter) · T then 1–5 target · E then 1–5 own score · B source · D target date · O note · Del clear · Ctrl+S save</source>
        <translation>Toetsen: 1–5 score · 0 of N niet gescoord (typ de reden, Enter) · T en dan 1–5 doel · E en dan 1–5 eigen score van de persoon · B bron · D doeldatum · O notitie · Del wissen · Ctrl+S bewaren</translation>
    </message>
    <message>
        <source>Waiting for a digit</source>
        <translation>Wacht op een cijfer</translation>
    </message>
    <message>
        <source>Problems with this assessment</source>
        <translation>Problemen met deze meting</translation>
    </message>
    <message>
        <source>&amp;Save assessment</source>
        <translation>&amp;Meting bewaren</translation>
    </message>
    <message>
        <source>Save assessment</source>
        <translation>Meting bewaren</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Sluiten (concept blijft bewaard)</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Nieuwe meting</translation>
    </message>
    <message>
        <source>Correct the assessment of %1</source>
        <translation>Meting van %1 corrigeren</translation>
    </message>
    <message>
        <source>Correction (restored draft)</source>
        <translation>Correctie (concept hersteld)</translation>
    </message>
    <message>
        <source>New assessment (restored draft)</source>
        <translation>Nieuwe meting (concept hersteld)</translation>
    </message>
    <message>
        <source>%1: give a score (1–5) or mark it not scored (N).</source>
        <translation>%1: geef een score (1–5) of markeer als niet gescoord (N).</translation>
    </message>
    <message>
        <source>%1: why was this domain not scored?</source>
        <translation>%1: waarom werd dit domein niet gescoord?</translation>
    </message>
    <message>
        <source>%1: write the target date as dd/mm/yyyy.</source>
        <translation>%1: schrijf de doeldatum als dd/mm/jjjj.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… en nog %1</translation>
    </message>
    <message>
        <source>Target: press 1–5 (0 clears)</source>
        <translation>Doel: druk 1–5 (0 wist)</translation>
    </message>
    <message>
        <source>Own score: press 1–5 (0 clears)</source>
        <translation>Eigen score: druk 1–5 (0 wist)</translation>
    </message>
    <message>
        <source>The official criteria are not loaded; our own short description is shown.</source>
        <translation>De officiële criteria zijn niet ingeladen; u ziet onze eigen korte beschrijving.</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Plan sessions of %1</source>
        <translation>Sessies plannen van %1</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plannen</translation>
    </message>
    <message>
        <source>First session</source>
        <translation>Eerste sessie</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Wanneer</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Duur</translation>
    </message>
    <message>
        <source>Number of sessions</source>
        <translation>Aantal sessies</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sessies</translation>
    </message>
    <message>
        <source> days apart</source>
        <translation> dagen na elkaar</translation>
    </message>
    <message>
        <source>Days between sessions</source>
        <translation>Dagen tussen de sessies</translation>
    </message>
    <message>
        <source>&amp;Every</source>
        <translation>&amp;Herhalen om de</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>&amp;Onderwerp</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Lock automatically</source>
        <translation>Automatisch vergrendelen</translation>
    </message>
    <message>
        <source>Brugfiguur locks itself when you have not used it for a while, so nobody reads along when you step away.</source>
        <translation>Brugfiguur vergrendelt zichzelf als u het een tijdje niet gebruikt, zodat niemand meeleest als u even weg bent.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes of inactivity before locking</source>
        <translation>Minuten zonder gebruik voor het vergrendelen</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Vergrendelen na</translation>
    </message>
    <message>
        <source>without use</source>
        <translation>zonder gebruik</translation>
    </message>
    <message>
        <source>Feedback on automatic locking</source>
        <translation>Melding bij automatisch vergrendelen</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Change your passphrase when you think someone may know it. There is no need to change it regularly.</source>
        <translation>Wijzig uw wachtwoordzin als u denkt dat iemand ze kent. Regelmatig wijzigen hoeft niet.</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Wachtwoordzin wijzigen…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Wachtwoordzin wijzigen</translation>
    </message>
    <message>
        <source>Result of changing the passphrase</source>
        <translation>Resultaat van het wijzigen van de wachtwoordzin</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <source>Make a new recovery key…</source>
        <translation>Nieuwe herstelsleutel maken…</translation>
    </message>
    <message>
        <source>Make a new recovery key</source>
        <translation>Nieuwe herstelsleutel maken</translation>
    </message>
    <message>
        <source>Result of making a recovery key</source>
        <translation>Resultaat van het maken van een herstelsleutel</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Back-up</translation>
    </message>
    <message>
        <source>A backup is an encrypted copy of your vault. It opens with the same passphrase or recovery key. Keep it on a USB stick in a safe place.</source>
        <translation>Een back-up is een versleutelde kopie van uw kluis. U opent ze met dezelfde wachtwoordzin of herstelsleutel. Bewaar ze op een USB-stick op een veilige plek.</translation>
    </message>
    <message>
        <source>Make backup…</source>
        <translation>Back-up maken…</translation>
    </message>
    <message>
        <source>Make backup</source>
        <translation>Back-up maken</translation>
    </message>
    <message>
        <source>Making the backup…</source>
        <translation>De back-up wordt gemaakt…</translation>
    </message>
    <message>
        <source>Result of the backup</source>
        <translation>Resultaat van de back-up</translation>
    </message>
    <message>
        <source>Your recovery key was made on %1. You confirmed that you stored it safely.</source>
        <translation>Uw herstelsleutel werd gemaakt op %1. U bevestigde dat u hem veilig bewaard hebt.</translation>
    </message>
    <message>
        <source>Your recovery key was made on %1. You have not yet confirmed that you stored it safely: make a new one if you are not sure where it is.</source>
        <translation>Uw herstelsleutel werd gemaakt op %1. U hebt nog niet bevestigd dat u hem veilig bewaard hebt: maak een nieuwe als u niet zeker weet waar hij is.</translation>
    </message>
    <message numerus="yes">
        <source>Saved: Brugfiguur locks after %n minute(s) without use.</source>
        <translation>
            <numerusform>Bewaard: Brugfiguur vergrendelt na %n minuut zonder gebruik.</numerusform>
            <numerusform>Bewaard: Brugfiguur vergrendelt na %n minuten zonder gebruik.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Niet bewaard.</translation>
    </message>
    <message>
        <source>Your passphrase was changed.</source>
        <translation>Uw wachtwoordzin werd gewijzigd.</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>Nieuwe herstelsleutel</translation>
    </message>
    <message>
        <source>A new recovery key replaces the old one: the old key and its printed sheet stop working. Type your passphrase to continue.</source>
        <translation>Een nieuwe herstelsleutel vervangt de oude: de oude sleutel en het afgedrukte blad werken dan niet meer. Typ uw wachtwoordzin om verder te gaan.</translation>
    </message>
    <message>
        <source>Type your current passphrase.</source>
        <translation>Typ uw huidige wachtwoordzin.</translation>
    </message>
    <message>
        <source>No new recovery key was made.</source>
        <translation>Er werd geen nieuwe herstelsleutel gemaakt.</translation>
    </message>
    <message>
        <source>A new recovery key was made. The old one no longer works.</source>
        <translation>Er werd een nieuwe herstelsleutel gemaakt. De oude werkt niet meer.</translation>
    </message>
    <message>
        <source>The new recovery key is in use.</source>
        <translation>De nieuwe herstelsleutel is in gebruik.</translation>
    </message>
    <message>
        <source>Save backup as</source>
        <translation>Back-up bewaren als</translation>
    </message>
    <message>
        <source>Brugfiguur backups (*.bfbackup);;All files (*)</source>
        <translation>Brugfiguur-back-ups (*.bfbackup);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Backup saved in %1 (%2).</source>
        <translation>Back-up bewaard in %1 (%2).</translation>
    </message>
    <message>
        <source>Making a backup is not available in this version yet.</source>
        <translation>Een back-up maken kan nog niet in deze versie.</translation>
    </message>
    <message>
        <source>The backup could not be made; nothing was changed.</source>
        <translation>De back-up kon niet gemaakt worden; er werd niets gewijzigd.</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registratie</translation>
    </message>
    <message>
        <source>Ask for the life domain when a contact moment has none</source>
        <translation>Vragen naar het levensdomein als een contactmoment er geen heeft</translation>
    </message>
    <message>
        <source>A rule of the organisation: the figures on life domains rest on it. Only a coordinator changes it once the laptop is connected to a central store.</source>
        <translation>Een regel van de organisatie: de cijfers over levensdomeinen steunen erop. Zodra de laptop met een centrale opslag verbonden is, wijzigt alleen een coördinator ze.</translation>
    </message>
    <message>
        <source>Result of the registration rule</source>
        <translation>Resultaat van de registratieregel</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Bewaard.</translation>
    </message>
</context>
<context>
    <name>SetupWindow</name>
    <message>
        <source>Brugfiguur — first start</source>
        <translation>Brugfiguur — eerste start</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>Eerste start</translation>
    </message>
    <message>
        <source>Setup steps</source>
        <translation>Stappen van de installatie</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Kies een wachtwoordzin</translation>
    </message>
    <message>
        <source>Welcome to Brugfiguur</source>
        <translation>Welkom bij Brugfiguur</translation>
    </message>
    <message>
        <source>Everything you record is kept encrypted on this laptop. Choose a passphrase to lock it: nobody, not even your organisation, can open the vault without it or without the recovery key you will see next.</source>
        <translation>Alles wat u noteert, wordt versleuteld bewaard op deze laptop. Kies een wachtwoordzin om het af te sluiten: niemand, ook uw organisatie niet, kan de kluis openen zonder die wachtwoordzin of zonder de herstelsleutel die u hierna krijgt.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Creating your vault… this takes a few seconds.</source>
        <translation>Uw kluis wordt gemaakt… dat duurt enkele seconden.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Foutmelding</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Kluis maken</translation>
    </message>
    <message>
        <source>The vault could not be created.</source>
        <translation>De kluis kon niet gemaakt worden.</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Over u</translation>
    </message>
    <message>
        <source>Your name, function and how to reach you go on the handover fiche and on the person&apos;s own copy, so they know who to call. When you work in a team, your colleagues see them too. You can change them later in Settings.</source>
        <translation>Uw naam, functie en hoe u bereikbaar bent, komen op de overdrachtsfiche en op de kopie voor de persoon, zodat die weten wie ze kunnen bellen. Werkt u in een team, dan zien uw collega&apos;s ze ook. U kunt ze later wijzigen bij Instellingen.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Bewaren…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Save your details and start</source>
        <translation>Uw gegevens bewaren en beginnen</translation>
    </message>
    <message>
        <source>Your details could not be saved.</source>
        <translation>Uw gegevens konden niet bewaard worden.</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>Childcare and hours</source>
        <translation>Kinderopvang en uren</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Vervoer</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Reading and writing</source>
        <translation>Lezen en schrijven</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Tolk</translation>
    </message>
    <message>
        <source>How to communicate</source>
        <translation>Hoe communiceren</translation>
    </message>
    <message>
        <source>VDAB registration</source>
        <translation>Inschrijving VDAB</translation>
    </message>
    <message>
        <source>Mijn Loopbaan (MLP)</source>
        <translation>Mijn Loopbaan (MLP)</translation>
    </message>
    <message>
        <source>Who holds the file</source>
        <translation>Wie heeft het dossier</translation>
    </message>
    <message>
        <source>Benefit or income</source>
        <translation>Uitkering of inkomen</translation>
    </message>
    <message>
        <source>● Green: going well</source>
        <translation>● Groen: het gaat goed</translation>
    </message>
    <message>
        <source>▲ Orange: first signs</source>
        <translation>▲ Oranje: eerste signalen</translation>
    </message>
    <message>
        <source>■ Red: act now</source>
        <translation>■ Rood: nu ingrijpen</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Werkgever</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contactpersoon</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Functie</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>Support at work</source>
        <translation>Ondersteuning op de werkvloer</translation>
    </message>
    <message>
        <source>orally</source>
        <translation>mondeling</translation>
    </message>
    <message>
        <source>in writing</source>
        <translation>schriftelijk</translation>
    </message>
    <message>
        <source>✓ valid</source>
        <translation>✓ geldig</translation>
    </message>
    <message>
        <source>◷ not yet valid</source>
        <translation>◷ nog niet geldig</translation>
    </message>
    <message>
        <source>✗ expired</source>
        <translation>✗ verlopen</translation>
    </message>
    <message>
        <source>✗ withdrawn</source>
        <translation>✗ ingetrokken</translation>
    </message>
</context>
<context>
    <name>SharingTab</name>
    <message>
        <source>Consent and handover</source>
        <translation>Toestemming en overdracht</translation>
    </message>
    <message>
        <source>Messages about consent and handovers</source>
        <translation>Berichten over toestemming en overdrachten</translation>
    </message>
    <message>
        <source>Consent: what may be shared, with whom</source>
        <translation>Toestemming: wat gedeeld mag worden, met wie</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Toestemmingen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Met wie</translation>
    </message>
    <message>
        <source>For what</source>
        <translation>Waarvoor</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hoe</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 op %2</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Geldig tot</translation>
    </message>
    <message>
        <source>withdrawn on %1</source>
        <translation>ingetrokken op %1</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>geen einddatum</translation>
    </message>
    <message>
        <source>No consent recorded. Without consent nothing about this person leaves the app: a fiche then holds only the names and the meeting.</source>
        <translation>Geen toestemming genoteerd. Zonder toestemming verlaat niets over deze persoon de app: een fiche bevat dan alleen de namen en het gesprek.</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>Toestemming noteren…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Intrekken…</translation>
    </message>
    <message>
        <source>Withdraw the selected consent</source>
        <translation>De gekozen toestemming intrekken</translation>
    </message>
    <message>
        <source>Warm handovers and referrals</source>
        <translation>Warme overdrachten en doorverwijzingen</translation>
    </message>
    <message>
        <source>Handovers</source>
        <translation>Overdrachten</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Ontvanger</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Triogesprek</source>
        <translation>Triogesprek</translation>
    </message>
    <message>
        <source>not planned yet</source>
        <translation>nog niet gepland</translation>
    </message>
    <message>
        <source>Feedback expected</source>
        <translation>Terugkoppeling verwacht</translation>
    </message>
    <message>
        <source>The receiver has not reported back yet</source>
        <translation>De ontvanger heeft nog niet teruggekoppeld</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>No handovers yet. Plan one when the person is ready for a next step with a partner: the person chooses the moment.</source>
        <translation>Nog geen overdrachten. Plan er een als de persoon klaar is voor een volgende stap bij een partner: de persoon kiest het moment.</translation>
    </message>
    <message>
        <source>New handover…</source>
        <translation>Nieuwe overdracht…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Wijzigen…</translation>
    </message>
    <message>
        <source>Change the chosen handover</source>
        <translation>De gekozen overdracht wijzigen</translation>
    </message>
    <message>
        <source>Triogesprek held…</source>
        <translation>Triogesprek gehouden…</translation>
    </message>
    <message>
        <source>Mark the triogesprek as held</source>
        <translation>Het triogesprek als gehouden noteren</translation>
    </message>
    <message>
        <source>Feedback received…</source>
        <translation>Terugkoppeling ontvangen…</translation>
    </message>
    <message>
        <source>Write down the receiver&apos;s feedback</source>
        <translation>De terugkoppeling van de ontvanger noteren</translation>
    </message>
    <message>
        <source>Fiche and exports…</source>
        <translation>Fiche en export…</translation>
    </message>
    <message>
        <source>Preview and export the fiche</source>
        <translation>De fiche bekijken en exporteren</translation>
    </message>
    <message>
        <source>Consent and warm handover</source>
        <translation>Toestemming en warme overdracht</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(verwijderd)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bij %2</translation>
    </message>
    <message>
        <source>⚠ overdue since %1</source>
        <translation>⚠ te laat sinds %1</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n handover(s) waiting for feedback past the agreed date.</source>
        <translation>
            <numerusform>⚠ %n overdracht wacht op terugkoppeling na de afgesproken datum.</numerusform>
            <numerusform>⚠ %n overdrachten wachten op terugkoppeling na de afgesproken datum.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load.</source>
        <translation>Kon niet geladen worden.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>List of keyboard shortcuts</source>
        <translation>Lijst van sneltoetsen</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Column headers</source>
        <translation>Kolomkoppen</translation>
    </message>
</context>
<context>
    <name>SignalDialog</name>
    <message>
        <source>Structural signal</source>
        <translation>Structureel signaal</translation>
    </message>
    <message>
        <source>Edit signal</source>
        <translation>Signaal bewerken</translation>
    </message>
    <message>
        <source>A barrier of the system (a waiting list, a rule, a missing service), not of the person. Name no one: at most how many people it touches.</source>
        <translation>Een drempel van het systeem (een wachtlijst, een regel, een ontbrekende dienst), niet van de persoon. Noem niemand: hoogstens hoeveel mensen het raakt.</translation>
    </message>
    <message>
        <source>Noted on</source>
        <translation>Genoteerd op</translation>
    </message>
    <message>
        <source>&amp;Noted on</source>
        <translation>&amp;Genoteerd op</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thema</translation>
    </message>
    <message>
        <source>What is the barrier?</source>
        <translation>Wat is de drempel?</translation>
    </message>
    <message>
        <source>&amp;What is the barrier?</source>
        <translation>&amp;Wat is de drempel?</translation>
    </message>
    <message>
        <source>Organisation concerned</source>
        <translation>Betrokken organisatie</translation>
    </message>
    <message>
        <source>(none, or not on the sociale kaart)</source>
        <translation>(geen, of niet op de sociale kaart)</translation>
    </message>
    <message>
        <source>&amp;Organisation concerned</source>
        <translation>Betrokken &amp;organisatie</translation>
    </message>
    <message>
        <source>Other organisation</source>
        <translation>Andere organisatie</translation>
    </message>
    <message>
        <source>Other or&amp;ganisation</source>
        <translation>&amp;Andere organisatie</translation>
    </message>
    <message>
        <source>Life domains</source>
        <translation>Levensdomeinen</translation>
    </message>
    <message>
        <source>&amp;Life domains</source>
        <translation>&amp;Levensdomeinen</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>niet gekend</translation>
    </message>
    <message>
        <source>How many people it touches</source>
        <translation>Hoeveel mensen het raakt</translation>
    </message>
    <message>
        <source>How many &amp;people (estimate)</source>
        <translation>Hoeveel &amp;mensen (schatting)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Stand van zaken</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>T&amp;eam</source>
        <translation>T&amp;eam</translation>
    </message>
    <message>
        <source>Save anyway: it names no one</source>
        <translation>Toch opslaan: het noemt niemand</translation>
    </message>
</context>
<context>
    <name>SocialMapPage</name>
    <message>
        <source>Sociale kaart</source>
        <translation>Sociale kaart</translation>
    </message>
    <message>
        <source>New partner…</source>
        <translation>Nieuwe partner…</translation>
    </message>
    <message>
        <source>The partners you hand over to: who they are, what they offer, who to call. Shared with your team at the next sync.</source>
        <translation>De partners naar wie u overdraagt: wie ze zijn, wat ze aanbieden, wie u belt. Gedeeld met uw team bij de volgende synchronisatie.</translation>
    </message>
    <message>
        <source>Search by name, contact person or note</source>
        <translation>Zoek op naam, contactpersoon of notitie</translation>
    </message>
    <message>
        <source>Search the sociale kaart</source>
        <translation>De sociale kaart doorzoeken</translation>
    </message>
    <message>
        <source>Filter by life domain</source>
        <translation>Filteren op levensdomein</translation>
    </message>
    <message>
        <source>Filter by offer</source>
        <translation>Filteren op aanbod</translation>
    </message>
    <message>
        <source>Messages about the sociale kaart</source>
        <translation>Berichten over de sociale kaart</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Aanbod</translation>
    </message>
    <message>
        <source>Feedback overdue</source>
        <translation>Terugkoppeling te laat</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n late</source>
        <translation>
            <numerusform>⚠ %n te laat</numerusform>
            <numerusform>⚠ %n te laat</numerusform>
        </translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>No partners yet. Add the first with New partner…; you need one to plan a warm handover.</source>
        <translation>Nog geen partners. Voeg de eerste toe met Nieuwe partner…; u hebt er een nodig om een warme overdracht te plannen.</translation>
    </message>
    <message>
        <source>Partner details</source>
        <translation>Gegevens van de partner</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Contactpersonen</translation>
    </message>
    <message>
        <source>Add contact person…</source>
        <translation>Contactpersoon toevoegen…</translation>
    </message>
    <message>
        <source>Handovers waiting for feedback</source>
        <translation>Overdrachten die wachten op terugkoppeling</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Edit partner</source>
        <translation>Partner bewerken</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>Remove partner</source>
        <translation>Partner verwijderen</translation>
    </message>
    <message>
        <source>Partners and details</source>
        <translation>Partners en gegevens</translation>
    </message>
    <message>
        <source>All life domains</source>
        <translation>Alle levensdomeinen</translation>
    </message>
    <message>
        <source>All offers</source>
        <translation>Alle aanbod</translation>
    </message>
    <message>
        <source>Choose a partner</source>
        <translation>Kies een partner</translation>
    </message>
    <message>
        <source>Life domains</source>
        <translation>Levensdomeinen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>No contact persons yet.</source>
        <translation>Nog geen contactpersonen.</translation>
    </message>
    <message>
        <source>⚠ %1 — expected by %2</source>
        <translation>⚠ %1 — verwacht tegen %2</translation>
    </message>
    <message>
        <source>Nothing overdue.</source>
        <translation>Niets te laat.</translation>
    </message>
    <message>
        <source>Remove %1 from the sociale kaart? Handovers and consents that name it keep their history.</source>
        <translation>%1 van de sociale kaart halen? Overdrachten en toestemmingen die deze partner noemen, houden hun geschiedenis.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Not removed.</source>
        <translation>Niet verwijderd.</translation>
    </message>
</context>
<context>
    <name>SyncDialogs</name>
    <message>
        <source>Type the address of the central store.</source>
        <translation>Typ het adres van de centrale opslag.</translation>
    </message>
    <message>
        <source>The address starts with https://, e.g. https://opslag.voorbeeld.be</source>
        <translation>Het adres begint met https://, bv. https://opslag.voorbeeld.be</translation>
    </message>
    <message>
        <source>Contacting the central store…</source>
        <translation>Contact met de centrale opslag…</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>That did not work; try again later.</source>
        <translation>Dat lukte niet; probeer het later opnieuw.</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>alias</source>
        <translation>alias</translation>
    </message>
    <message>
        <source>first met on</source>
        <translation>eerste ontmoeting op</translation>
    </message>
    <message>
        <source>first met how</source>
        <translation>eerste ontmoeting hoe</translation>
    </message>
    <message>
        <source>first met at</source>
        <translation>eerste ontmoeting waar</translation>
    </message>
    <message>
        <source>referred by</source>
        <translation>doorverwezen door</translation>
    </message>
    <message>
        <source>client</source>
        <translation>cliënt</translation>
    </message>
    <message>
        <source>client since</source>
        <translation>cliënt sinds</translation>
    </message>
    <message>
        <source>given name</source>
        <translation>voornaam</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>familienaam</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>geboortedatum</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefoon</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>national number</source>
        <translation>rijksregisternummer</translation>
    </message>
    <message>
        <source>languages</source>
        <translation>talen</translation>
    </message>
    <message>
        <source>interpreter needed</source>
        <translation>tolk nodig</translation>
    </message>
    <message>
        <source>interpreter language</source>
        <translation>taal van de tolk</translation>
    </message>
    <message>
        <source>radar status</source>
        <translation>radarstatus</translation>
    </message>
    <message>
        <source>target groups</source>
        <translation>doelgroepen</translation>
    </message>
    <message>
        <source>assigned worker</source>
        <translation>toegewezen medewerker</translation>
    </message>
    <message>
        <source>team</source>
        <translation>team</translation>
    </message>
    <message>
        <source>note</source>
        <translation>notitie</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>verwijderd</translation>
    </message>
    <message>
        <source>date and time</source>
        <translation>datum en uur</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>duur</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>kanaal</translation>
    </message>
    <message>
        <source>place</source>
        <translation>plaats</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>life domains</source>
        <translation>levensdomeinen</translation>
    </message>
    <message>
        <source>shareable summary</source>
        <translation>deelbare samenvatting</translation>
    </message>
    <message>
        <source>private note</source>
        <translation>privénotitie</translation>
    </message>
    <message>
        <source>next contact</source>
        <translation>volgend contact</translation>
    </message>
    <message>
        <source>note for the next contact</source>
        <translation>notitie voor het volgende contact</translation>
    </message>
    <message>
        <source>description</source>
        <translation>omschrijving</translation>
    </message>
    <message>
        <source>due on</source>
        <translation>te doen tegen</translation>
    </message>
    <message>
        <source>done on</source>
        <translation>gedaan op</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adres</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coördinator</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>ingetrokken</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>kept the current value</source>
        <translation>huidige waarde behouden</translation>
    </message>
    <message>
        <source>used the other value</source>
        <translation>andere waarde gebruikt</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leeg)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>wacht op goedkeuring</translation>
    </message>
    <message>
        <source>does not decrypt</source>
        <translation>niet te ontcijferen</translation>
    </message>
    <message>
        <source>not valid</source>
        <translation>ongeldig</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>beschadigd</translation>
    </message>
    <message>
        <source>not from a team member</source>
        <translation>niet van een teamlid</translation>
    </message>
    <message>
        <source>team key missing</source>
        <translation>teamsleutel ontbreekt</translation>
    </message>
    <message>
        <source>dated in the future</source>
        <translation>gedateerd in de toekomst</translation>
    </message>
    <message>
        <source>erasure beyond one person, not by a coordinator</source>
        <translation>wissen van meer dan één persoon, niet door een coördinator</translation>
    </message>
    <message>
        <source>erasure too large for a worker</source>
        <translation>te grote wisopdracht voor een medewerker</translation>
    </message>
    <message>
        <source>erasure with a false signature</source>
        <translation>wisopdracht met een valse handtekening</translation>
    </message>
    <message>
        <source>erasure not by a team member</source>
        <translation>wisopdracht niet van een teamlid</translation>
    </message>
    <message>
        <source>not signed or not valid (%1)</source>
        <translation>niet ondertekend of ongeldig (%1)</translation>
    </message>
    <message>
        <source>erasure</source>
        <translation>wisopdracht</translation>
    </message>
    <message>
        <source>data (%1)</source>
        <translation>gegeven (%1)</translation>
    </message>
</context>
<context>
    <name>SyncSettingsBox</name>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisatie</translation>
    </message>
    <message>
        <source>Connect to a central store</source>
        <translation>Verbinden met een centrale opslag</translation>
    </message>
    <message>
        <source>This laptop works on its own. Connect it to your organisation&apos;s central store to share the caseload with your team. Everything stays encrypted: the store cannot read it.</source>
        <translation>Deze laptop werkt op zichzelf. Verbind hem met de centrale opslag van uw organisatie om de caseload met uw team te delen. Alles blijft versleuteld: de opslag kan niets lezen.</translation>
    </message>
    <message>
        <source>Set up a new organisation…</source>
        <translation>Nieuwe organisatie opzetten…</translation>
    </message>
    <message>
        <source>Join with an invitation…</source>
        <translation>Aansluiten met een uitnodiging…</translation>
    </message>
    <message>
        <source>Connected to a central store</source>
        <translation>Verbonden met een centrale opslag</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbinding</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Goedkeuring</translation>
    </message>
    <message>
        <source>Synchronisation state</source>
        <translation>Synchronisatiestatus</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>Conflicten…</translation>
    </message>
    <message>
        <source>Show conflicts</source>
        <translation>Conflicten tonen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes between automatic syncs</source>
        <translation>Minuten tussen automatische synchronisaties</translation>
    </message>
    <message>
        <source>Synchronise every</source>
        <translation>Synchroniseer elke</translation>
    </message>
    <message>
        <source>Feedback on the interval</source>
        <translation>Melding over de tussentijd</translation>
    </message>
    <message>
        <source>Teams and devices</source>
        <translation>Teams en toestellen</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>New team…</source>
        <translation>Nieuw team…</translation>
    </message>
    <message>
        <source>Make an invitation…</source>
        <translation>Uitnodiging maken…</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Toestellen</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Intrekken…</translation>
    </message>
    <message>
        <source>Revoke the chosen device</source>
        <translation>Het gekozen toestel intrekken</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Refresh the devices</source>
        <translation>De toestellen vernieuwen</translation>
    </message>
    <message>
        <source>Feedback on devices</source>
        <translation>Melding over de toestellen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>no team yet</source>
        <translation>nog geen team</translation>
    </message>
    <message>
        <source>Connected to %1 as %2. Teams: %3.</source>
        <translation>Verbonden met %1 als %2. Teams: %3.</translation>
    </message>
    <message>
        <source>Conflicts (%1)…</source>
        <translation>Conflicten (%1)…</translation>
    </message>
    <message numerus="yes">
        <source>Saved: Brugfiguur synchronises every %n minute(s).</source>
        <translation>
            <numerusform>Bewaard: Brugfiguur synchroniseert elke %n minuut.</numerusform>
            <numerusform>Bewaard: Brugfiguur synchroniseert elke %n minuten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Niet bewaard.</translation>
    </message>
    <message>
        <source>This laptop joined the central store. It waits for approval by a coordinator.</source>
        <translation>Deze laptop is aangesloten bij de centrale opslag. Hij wacht op goedkeuring door een coördinator.</translation>
    </message>
    <message>
        <source>The team was created.</source>
        <translation>Het team werd aangemaakt.</translation>
    </message>
    <message>
        <source>Create a team first.</source>
        <translation>Maak eerst een team aan.</translation>
    </message>
    <message>
        <source>The devices could not be loaded.</source>
        <translation>De toestellen konden niet geladen worden.</translation>
    </message>
    <message numerus="yes">
        <source>“%1” was revoked. New team keys were made for %n team(s).</source>
        <translation>
            <numerusform>“%1” werd ingetrokken. Er werd een nieuwe teamsleutel gemaakt voor %n team.</numerusform>
            <numerusform>“%1” werd ingetrokken. Er werden nieuwe teamsleutels gemaakt voor %n teams.</numerusform>
        </translation>
    </message>
    <message>
        <source>The device could not be revoked. Try again.</source>
        <translation>Het toestel kon niet ingetrokken worden. Probeer opnieuw.</translation>
    </message>
    <message>
        <source>Waiting for approval by a coordinator. Give them this laptop&apos;s safety code (below) to compare before they approve it; until then nothing is shared.</source>
        <translation>Wacht op goedkeuring door een coördinator. Geef de coördinator de veiligheidscode van deze laptop (hieronder) om te vergelijken voor hij hem goedkeurt; tot dan wordt niets gedeeld.</translation>
    </message>
    <message>
        <source>Safety codes</source>
        <translation>Veiligheidscodes</translation>
    </message>
    <message>
        <source>A laptop that joined with your invitation waits for your approval: compare its safety code with the one on its screen, then approve it. Revoke a laptop that is lost, stolen or no longer used.</source>
        <translation>Een laptop die met uw uitnodiging aansloot, wacht op uw goedkeuring: vergelijk zijn veiligheidscode met die op zijn scherm en keur hem dan goed. Trek een laptop in die verloren, gestolen of niet meer in gebruik is.</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Goedkeuren…</translation>
    </message>
    <message>
        <source>Approve the chosen laptop</source>
        <translation>De gekozen laptop goedkeuren</translation>
    </message>
    <message>
        <source>Refused data</source>
        <translation>Geweigerde gegevens</translation>
    </message>
    <message>
        <source>Data from the central store that this laptop could not accept (damaged, not from a team member, or an erasure that was not allowed). It is kept encrypted and set aside; the rest of the sync went on.</source>
        <translation>Gegevens van de centrale opslag die deze laptop niet kon aanvaarden (beschadigd, niet van een teamlid, of een wisopdracht die niet toegelaten was). Ze blijven versleuteld apart bewaard; de rest van de synchronisatie ging gewoon door.</translation>
    </message>
    <message>
        <source>Safety code of the organisation: %1</source>
        <translation>Veiligheidscode van de organisatie: %1</translation>
    </message>
    <message>
        <source>Safety code of this laptop: %1</source>
        <translation>Veiligheidscode van deze laptop: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · from %3 · %4 · %5</source>
        <translation>%1 · %2 · van %3 · %4 · %5</translation>
    </message>
    <message>
        <source>Nothing was refused.</source>
        <translation>Er werd niets geweigerd.</translation>
    </message>
    <message>
        <source>“%1” was approved; it receives the team keys at its next sync.</source>
        <translation>“%1” werd goedgekeurd; hij krijgt de teamsleutels bij zijn volgende synchronisatie.</translation>
    </message>
    <message>
        <source>The laptop could not be approved. Try again.</source>
        <translation>De laptop kon niet goedgekeurd worden. Probeer opnieuw.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>1 change waiting</source>
        <translation>1 wijziging wacht</translation>
    </message>
    <message>
        <source>%1 changes waiting</source>
        <translation>%1 wijzigingen wachten</translation>
    </message>
    <message>
        <source>Synchronisation stopped</source>
        <translation>Synchronisatie gestopt</translation>
    </message>
    <message>
        <source>You can keep working while this laptop synchronises. Stop ends the sync after the current batch; the next sync continues where it stopped.</source>
        <translation>U kunt verder werken terwijl deze laptop synchroniseert. Stoppen beëindigt de synchronisatie na het lopende pakket; de volgende synchronisatie gaat verder waar ze stopte.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Bezig met stoppen…</translation>
    </message>
    <message>
        <source>Sending changes… %1 of %2</source>
        <translation>Wijzigingen versturen… %1 van %2</translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation>Wijzigingen versturen…</translation>
    </message>
    <message>
        <source>Receiving changes… %1%</source>
        <translation>Wijzigingen ontvangen… %1%</translation>
    </message>
    <message>
        <source>Receiving changes…</source>
        <translation>Wijzigingen ontvangen…</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synchroniseren…</translation>
    </message>
    <message>
        <source>Offline — trying again at %1</source>
        <translation>Offline — opnieuw om %1</translation>
    </message>
    <message>
        <source>%1% done</source>
        <translation>%1% klaar</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Waiting for your confirmation</source>
        <translation>Wacht op uw bevestiging</translation>
    </message>
    <message>
        <source>Not synchronised</source>
        <translation>Niet gesynchroniseerd</translation>
    </message>
    <message>
        <source>Something went wrong while synchronising. Nothing was lost; try again later.</source>
        <translation>Er ging iets mis bij het synchroniseren. Er ging niets verloren; probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>Waiting for approval by a coordinator</source>
        <translation>Wacht op goedkeuring door een coördinator</translation>
    </message>
    <message>
        <source>Last synchronised at %1</source>
        <translation>Laatst gesynchroniseerd om %1</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Nog niet gesynchroniseerd</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisatie</translation>
    </message>
    <message>
        <source>Synchronising</source>
        <translation>Synchroniseren</translation>
    </message>
    <message>
        <source>Synchronisation state</source>
        <translation>Synchronisatiestatus</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Open conflicten</translation>
    </message>
    <message>
        <source>Show the conflicts to check</source>
        <translation>Toon de conflicten om na te kijken</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Sync now (Ctrl+Shift+S)</source>
        <translation>Nu synchroniseren (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop synchronising</source>
        <translation>Synchroniseren stoppen</translation>
    </message>
    <message>
        <source>Stop synchronising after the current batch. What was already sent or received is kept; the next sync continues where this one stopped.</source>
        <translation>Stopt de synchronisatie na het lopende pakket. Wat al verstuurd of ontvangen is, blijft bewaard; de volgende synchronisatie gaat verder waar deze stopte.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamBox</name>
    <message>
        <source>The team</source>
        <translation>Het team</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (u)</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Functie</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Open files</source>
        <translation>Open dossiers</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>typed name</source>
        <translation>getypte naam</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>left the team</source>
        <translation>verliet het team</translation>
    </message>
    <message>
        <source>Workers of the team</source>
        <translation>Medewerkers van het team</translation>
    </message>
    <message>
        <source>Hand on caseload…</source>
        <translation>Caseload overdragen…</translation>
    </message>
    <message>
        <source>Left the team</source>
        <translation>Verliet het team</translation>
    </message>
    <message>
        <source>Active again</source>
        <translation>Opnieuw actief</translation>
    </message>
    <message>
        <source>Feedback on the team</source>
        <translation>Feedback over het team</translation>
    </message>
    <message>
        <source>Everyone who works with this team, as they introduced themselves. When someone leaves, hand their people on first: nobody should fall between two chairs.</source>
        <translation>Iedereen die in dit team werkt, zoals ze zich voorstelden. Vertrekt iemand, draag dan eerst de personen over: niemand mag tussen twee stoelen vallen.</translation>
    </message>
    <message>
        <source>Only a coordinator can do this.</source>
        <translation>Alleen een coördinator kan dit.</translation>
    </message>
    <message>
        <source>Choose whose caseload you hand on.</source>
        <translation>Kies wiens caseload u overdraagt.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) handed on.</source>
        <translation>
            <numerusform>%n persoon overgedragen.</numerusform>
            <numerusform>%n personen overgedragen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Niet bewaard.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Planned contacts today</source>
        <translation>Vandaag gepland</translation>
    </message>
    <message>
        <source>Nothing planned today. Plan a next contact when you save a contact moment.</source>
        <translation>Vandaag niets gepland. Plan een volgend contact wanneer u een contactmoment bewaart.</translation>
    </message>
    <message>
        <source>To-dos due today</source>
        <translation>To-do&apos;s voor vandaag</translation>
    </message>
    <message>
        <source>No to-dos due today.</source>
        <translation>Vandaag geen to-do&apos;s.</translation>
    </message>
    <message>
        <source>Overdue to-dos</source>
        <translation>Achterstallige to-do&apos;s</translation>
    </message>
    <message>
        <source>Nothing overdue. Well done.</source>
        <translation>Niets achterstallig. Goed bezig.</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Opvolgingen te doen</translation>
    </message>
    <message>
        <source>No follow-ups due this week.</source>
        <translation>Deze week geen opvolgingen te doen.</translation>
    </message>
    <message>
        <source>Not contacted for a while</source>
        <translation>Al een tijd geen contact</translation>
    </message>
    <message>
        <source>Everyone in your caseload was contacted recently.</source>
        <translation>Iedereen in uw caseload had onlangs nog contact.</translation>
    </message>
    <message>
        <source>ZRM: new assessment due</source>
        <translation>ZRM: nieuwe meting nodig</translation>
    </message>
    <message>
        <source>No ZRM assessments due.</source>
        <translation>Geen ZRM-metingen nodig.</translation>
    </message>
    <message>
        <source>Consents that end soon</source>
        <translation>Toestemmingen die binnenkort aflopen</translation>
    </message>
    <message>
        <source>No consent ends in the coming 30 days.</source>
        <translation>Geen toestemming loopt af in de komende 30 dagen.</translation>
    </message>
    <message>
        <source>Handover feedback overdue</source>
        <translation>Terugkoppeling van overdracht te laat</translation>
    </message>
    <message>
        <source>Every partner reported back in time.</source>
        <translation>Elke partner koppelde op tijd terug.</translation>
    </message>
    <message>
        <source>Quick note</source>
        <translation>Snelle notitie</translation>
    </message>
    <message>
        <source>Jot down something you don&apos;t want to forget. This note is kept encrypted in your vault, also when Brugfiguur locks.</source>
        <translation>Schrijf hier iets op dat u niet wilt vergeten. Deze notitie wordt versleuteld bewaard in uw kluis, ook als Brugfiguur vergrendelt.</translation>
    </message>
    <message>
        <source>Today is %1.</source>
        <translation>Vandaag is het %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: follow-up after %n month(s)</source>
        <translation>
            <numerusform>%1 — %2: opvolging na %n maand</numerusform>
            <numerusform>%1 — %2: opvolging na %n maanden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2: last assessment %3</source>
        <translation>%1 — %2: laatste meting %3</translation>
    </message>
    <message>
        <source>%1 — %2: consent ends</source>
        <translation>%1 — %2: toestemming loopt af</translation>
    </message>
    <message>
        <source>⚠ %1 — %2: no feedback from %3 yet</source>
        <translation>⚠ %1 — %2: nog geen terugkoppeling van %3</translation>
    </message>
    <message numerus="yes">
        <source>Not contacted for %n week(s) or more</source>
        <translation>
            <numerusform>Al %n week of langer geen contact</numerusform>
            <numerusform>Al %n weken of langer geen contact</numerusform>
        </translation>
    </message>
    <message>
        <source>last contact %1</source>
        <translation>laatste contact %1</translation>
    </message>
    <message>
        <source>no contact yet</source>
        <translation>nog geen contact</translation>
    </message>
    <message>
        <source>New contact moment (Ctrl+N)</source>
        <translation>Nieuw contactmoment (Ctrl+N)</translation>
    </message>
    <message>
        <source>New contact moment</source>
        <translation>Nieuw contactmoment</translation>
    </message>
    <message>
        <source>Planned today</source>
        <translation>Gepland vandaag</translation>
    </message>
    <message>
        <source>To-dos today</source>
        <translation>To-do&apos;s vandaag</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <source>ZRM to repeat</source>
        <translation>ZRM te herhalen</translation>
    </message>
    <message>
        <source>Consents ending</source>
        <translation>Toestemming loopt af</translation>
    </message>
    <message>
        <source>Feedback overdue</source>
        <translation>Terugkoppeling te laat</translation>
    </message>
    <message>
        <source>Not seen for a while</source>
        <translation>Lang niet gezien</translation>
    </message>
    <message>
        <source>Overview of today</source>
        <translation>Overzicht van vandaag</translation>
    </message>
    <message>
        <source>List of the chosen card</source>
        <translation>Lijst van de gekozen kaart</translation>
    </message>
    <message>
        <source>Nobody in your caseload yet. Write down a first contact moment (Ctrl+N) or add a person you met (Ctrl+Shift+N).</source>
        <translation>Nog niemand in uw caseload. Noteer een eerste contactmoment (Ctrl+N) of voeg iemand toe die u ontmoette (Ctrl+Shift+N).</translation>
    </message>
    <message>
        <source>Whose day</source>
        <translation>Wiens dag</translation>
    </message>
    <message>
        <source>Handed to you</source>
        <translation>Aan u overgedragen</translation>
    </message>
    <message>
        <source>Nobody was handed to you in the last two weeks.</source>
        <translation>De voorbije twee weken werd niemand aan u overgedragen.</translation>
    </message>
    <message>
        <source>My day</source>
        <translation>Mijn dag</translation>
    </message>
    <message>
        <source>The whole team</source>
        <translation>Het hele team</translation>
    </message>
    <message>
        <source>Day of %1</source>
        <translation>Dag van %1</translation>
    </message>
    <message>
        <source>%1 — %2, from %3</source>
        <translation>%1 — %2, van %3</translation>
    </message>
</context>
<context>
    <name>TrajectoryDialog</name>
    <message>
        <source>Change phase</source>
        <translation>Fase wijzigen</translation>
    </message>
    <message>
        <source>Put on a low flame</source>
        <translation>Op een lager pitje zetten</translation>
    </message>
    <message>
        <source>Take off the low flame</source>
        <translation>Lager pitje uitzetten</translation>
    </message>
    <message>
        <source>Close the trajectory</source>
        <translation>Traject afsluiten</translation>
    </message>
    <message>
        <source>Reopen the trajectory</source>
        <translation>Traject heropenen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>(the phase before closing)</source>
        <translation>(de fase van vóór de afsluiting)</translation>
    </message>
    <message>
        <source>&amp;Phase</source>
        <translation>&amp;Fase</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Uitkomst</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reden</translation>
    </message>
    <message>
        <source>&amp;Reason (optional)</source>
        <translation>&amp;Reden (optioneel)</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>Geef een reden.</translation>
    </message>
    <message>
        <source>Why this step, in a few words.</source>
        <translation>Waarom deze stap, in enkele woorden.</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Welkom terug</translation>
    </message>
    <message>
        <source>Unlock method</source>
        <translation>Manier van ontgrendelen</translation>
    </message>
    <message>
        <source>Unlock with passphrase</source>
        <translation>Ontgrendelen met wachtwoordzin</translation>
    </message>
    <message>
        <source>Type your passphrase to open your vault.</source>
        <translation>Typ uw wachtwoordzin om uw kluis te openen.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Unlock with recovery key</source>
        <translation>Ontgrendelen met herstelsleutel</translation>
    </message>
    <message>
        <source>Type the recovery key from your emergency sheet. Capitals, spaces and dashes do not matter. Afterwards you choose a new passphrase.</source>
        <translation>Typ de herstelsleutel van uw noodsleutelblad over. Hoofdletters, spaties en streepjes maken niet uit. Daarna kiest u een nieuwe wachtwoordzin.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Foutmelding</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Bezig met ontgrendelen…</translation>
    </message>
    <message>
        <source>Back to the passphrase</source>
        <translation>Terug naar de wachtwoordzin</translation>
    </message>
    <message>
        <source>Forgot your passphrase? Use your recovery key</source>
        <translation>Wachtwoordzin vergeten? Gebruik uw herstelsleutel</translation>
    </message>
    <message>
        <source>Type your recovery key.</source>
        <translation>Typ uw herstelsleutel.</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Typ uw wachtwoordzin.</translation>
    </message>
    <message>
        <source>The vault is locked again: choose a new passphrase to continue.</source>
        <translation>De kluis is opnieuw vergrendeld: kies een nieuwe wachtwoordzin om verder te gaan.</translation>
    </message>
    <message>
        <source>The vault could not be opened.</source>
        <translation>De kluis kon niet geopend worden.</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n second(s)</source>
        <translation>
            <numerusform>Opnieuw proberen over %n seconde</numerusform>
            <numerusform>Opnieuw proberen over %n seconden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>Brugfiguur — unlock</source>
        <translation>Brugfiguur — ontgrendelen</translation>
    </message>
    <message>
        <source>Unlock Brugfiguur</source>
        <translation>Brugfiguur ontgrendelen</translation>
    </message>
</context>
<context>
    <name>UpgradeDialog</name>
    <message>
        <source>Turn into a client file</source>
        <translation>Omzetten naar cliëntdossier</translation>
    </message>
    <message>
        <source>Only with the person&apos;s agreement. Fill in the date on which they agreed to have a file with their name.</source>
        <translation>Alleen met akkoord van de persoon. Vul de datum in waarop die akkoord ging met een dossier op naam.</translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation>Akkoord op</translation>
    </message>
    <message>
        <source>A&amp;greed on</source>
        <translation>A&amp;kkoord op</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Voornaam</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Familienaam</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Familienaam</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>&amp;Geboortedatum</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefoon</translation>
    </message>
    <message>
        <source>National register number</source>
        <translation>Rijksregisternummer</translation>
    </message>
    <message>
        <source>&amp;National register number</source>
        <translation>Rijksregister&amp;nummer</translation>
    </message>
    <message>
        <source>Languages, separated by commas</source>
        <translation>Talen, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>&amp;Languages</source>
        <translation>T&amp;alen</translation>
    </message>
    <message>
        <source>Needs an interpreter</source>
        <translation>Heeft een tolk nodig</translation>
    </message>
    <message>
        <source>&amp;Interpreter</source>
        <translation>To&amp;lk</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Taal van de tolk</translation>
    </message>
    <message>
        <source>Interpreter lang&amp;uage</source>
        <translation>Taal van de t&amp;olk</translation>
    </message>
    <message>
        <source>Radar</source>
        <translation>Radar</translation>
    </message>
    <message>
        <source>&amp;Radar</source>
        <translation>&amp;Radar</translation>
    </message>
    <message>
        <source>Target groups (optional, never printed)</source>
        <translation>Doelgroepen (optioneel, nooit afgedrukt)</translation>
    </message>
    <message>
        <source>&amp;Target groups</source>
        <translation>&amp;Doelgroepen</translation>
    </message>
    <message>
        <source>Fill in the date the person agreed; without agreement no file.</source>
        <translation>Vul de datum in waarop de persoon akkoord ging; zonder akkoord geen dossier.</translation>
    </message>
    <message>
        <source>The date the person agreed (0 is today).</source>
        <translation>De datum waarop de persoon akkoord ging (0 is vandaag).</translation>
    </message>
</context>
<context>
    <name>ValuesPage</name>
    <message>
        <source>What do your words mean?</source>
        <translation>Wat betekenen jullie woorden?</translation>
    </message>
    <message>
        <source>Each value in a column with a fixed list, and what Brugfiguur makes of it. Values it does not know come first: choose what they mean, or add them to your organisation&apos;s list.</source>
        <translation>Elke waarde in een kolom met een vaste lijst, en wat Brugfiguur ervan maakt. Onbekende waarden staan bovenaan: kies wat ze betekenen, of voeg ze toe aan de lijst van je organisatie.</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Waarden</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Meaning of %1 in %2</source>
        <translation>Betekenis van %1 in %2</translation>
    </message>
    <message>
        <source>✗ unknown: the row is not imported</source>
        <translation>✗ onbekend: de rij wordt niet geïmporteerd</translation>
    </message>
    <message>
        <source>+ Add “%1” to the list</source>
        <translation>+ “%1” toevoegen aan de lijst</translation>
    </message>
    <message numerus="yes">
        <source>(%n rows)</source>
        <translation>
            <numerusform>(%n rij)</numerusform>
            <numerusform>(%n rijen)</numerusform>
        </translation>
    </message>
    <message>
        <source>No column with a fixed list is imported.</source>
        <translation>Er wordt geen kolom met een vaste lijst geïmporteerd.</translation>
    </message>
    <message numerus="yes">
        <source>%n values are not known yet.</source>
        <translation>
            <numerusform>%n waarde is nog niet gekend.</numerusform>
            <numerusform>%n waarden zijn nog niet gekend.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every value is known.</source>
        <translation>Elke waarde is gekend.</translation>
    </message>
</context>
<context>
    <name>VindplaatsDialog</name>
    <message>
        <source>Edit vindplaats</source>
        <translation>Vindplaats bewerken</translation>
    </message>
    <message>
        <source>New vindplaats</source>
        <translation>Nieuwe vindplaats</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Soort</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Buurt of gebied</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>&amp;Buurt of gebied</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>A&amp;dres</translation>
    </message>
    <message>
        <source>Best days and times</source>
        <translation>Beste dagen en uren</translation>
    </message>
    <message>
        <source>&amp;Best times</source>
        <translation>Beste &amp;momenten</translation>
    </message>
    <message>
        <source>e.g. Wednesday afternoon, after school</source>
        <translation>bv. woensdagnamiddag, na school</translation>
    </message>
    <message>
        <source>Who you meet there</source>
        <translation>Wie u er ontmoet</translation>
    </message>
    <message>
        <source>&amp;Who you meet</source>
        <translation>&amp;Wie u er ontmoet</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contactpersoon</translation>
    </message>
    <message>
        <source>&amp;Contact person</source>
        <translation>&amp;Contactpersoon</translation>
    </message>
    <message>
        <source>Phone of the contact person</source>
        <translation>Telefoon van de contactpersoon</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefoon</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;otitie</translation>
    </message>
    <message>
        <source>Still in use</source>
        <translation>Nog in gebruik</translation>
    </message>
    <message>
        <source>&amp;In use</source>
        <translation>&amp;In gebruik</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Toestemming intrekken</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Intrekken</translation>
    </message>
    <message>
        <source>From this date nothing more is shared on the basis of this consent. What was already shared stays with the receiver.</source>
        <translation>Vanaf deze datum wordt niets meer gedeeld op basis van deze toestemming. Wat al gedeeld werd, blijft bij de ontvanger.</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Ingetrokken op</translation>
    </message>
    <message>
        <source>Withdrawn &amp;on</source>
        <translation>Ingetrokken &amp;op</translation>
    </message>
</context>
<context>
    <name>WorkReadinessDialog</name>
    <message>
        <source>Assess work readiness</source>
        <translation>Werkrijpheid beoordelen</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>&amp;Item</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>&amp;Beoordeling</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notitie</translation>
    </message>
</context>
<context>
    <name>WorkerProfileForm</name>
    <message>
        <source>Your details</source>
        <translation>Uw gegevens</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Uw naam</translation>
    </message>
    <message>
        <source>e.g. An Claes</source>
        <translation>bv. An Claes</translation>
    </message>
    <message>
        <source>Your function</source>
        <translation>Uw functie</translation>
    </message>
    <message>
        <source>e.g. straathoekwerker</source>
        <translation>bv. straathoekwerker</translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation>Uw organisatie</translation>
    </message>
    <message>
        <source>Your phone number</source>
        <translation>Uw telefoonnummer</translation>
    </message>
    <message>
        <source>e.g. 0489 12 34 56</source>
        <translation>bv. 0489 12 34 56</translation>
    </message>
    <message>
        <source>Your e-mail address</source>
        <translation>Uw e-mailadres</translation>
    </message>
    <message>
        <source>Feedback on your details</source>
        <translation>Feedback over uw gegevens</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>&amp;Function</source>
        <translation>&amp;Functie</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisatie</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefoon</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
</context>
<context>
    <name>ZrmModels</name>
    <message>
        <source>person</source>
        <translation>persoon</translation>
    </message>
    <message>
        <source>observation</source>
        <translation>observatie</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>partner</translation>
    </message>
    <message>
        <source>file</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>previous version: %1</source>
        <translation>vorige versie: %1</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domein</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Own score</source>
        <translation>Eigen score</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Doeldatum</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Reason not scored</source>
        <translation>Reden niet gescoord</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>niet gescoord</translation>
    </message>
</context>
<context>
    <name>ZrmSettingsBox</name>
    <message>
        <source>Self-sufficiency matrix</source>
        <translation>Zelfredzaamheidsmatrix</translation>
    </message>
    <message>
        <source> months</source>
        <translation> maanden</translation>
    </message>
    <message>
        <source>Reassessment interval in months</source>
        <translation>Termijn voor een nieuwe meting, in maanden</translation>
    </message>
    <message>
        <source>ZRM setting</source>
        <translation>ZRM-instelling</translation>
    </message>
    <message>
        <source>New assessment &amp;after</source>
        <translation>Nieuwe &amp;meting na</translation>
    </message>
    <message>
        <source>Saved: a new assessment is due %1 months after the last.</source>
        <translation>Bewaard: een nieuwe meting is nodig %1 maanden na de vorige.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Niet bewaard.</translation>
    </message>
</context>
<context>
    <name>ZrmTab</name>
    <message>
        <source>Self-sufficiency matrix</source>
        <translation>Zelfredzaamheidsmatrix</translation>
    </message>
    <message>
        <source>Self-sufficiency matrix (ZRM)</source>
        <translation>Zelfredzaamheidsmatrix (ZRM)</translation>
    </message>
    <message>
        <source>ZRM messages</source>
        <translation>ZRM-meldingen</translation>
    </message>
    <message>
        <source>&amp;New assessment</source>
        <translation>Nieuwe &amp;meting</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Nieuwe meting</translation>
    </message>
    <message>
        <source>C&amp;orrect selected…</source>
        <translation>Co&amp;rrigeer gekozen meting…</translation>
    </message>
    <message>
        <source>Correct the selected assessment</source>
        <translation>De gekozen meting corrigeren</translation>
    </message>
    <message>
        <source>Make &amp;PDF…</source>
        <translation>&amp;PDF maken…</translation>
    </message>
    <message>
        <source>Make a ZRM overview PDF</source>
        <translation>Een ZRM-overzicht als PDF maken</translation>
    </message>
    <message>
        <source>Load official criteria…</source>
        <translation>Officiële criteria inladen…</translation>
    </message>
    <message>
        <source>Load the official criteria file</source>
        <translation>Het bestand met de officiële criteria inladen</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Concept weggooien</translation>
    </message>
    <message>
        <source>Discard the draft assessment</source>
        <translation>Het concept van de meting weggooien</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domein</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Eerste</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Laatste</translation>
    </message>
    <message>
        <source>Since first</source>
        <translation>Sinds eerste</translation>
    </message>
    <message>
        <source>Since previous</source>
        <translation>Sinds vorige</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Distance travelled per domain</source>
        <translation>Afgelegde weg per domein</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation>Afgenomen door</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>Gescoord</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assessments, newest first</source>
        <translation>Metingen, nieuwste eerst</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Vorige versie</translation>
    </message>
    <message>
        <source>Own score</source>
        <translation>Eigen score</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Reason or note</source>
        <translation>Reden of notitie</translation>
    </message>
    <message>
        <source>Scores of the selected assessment</source>
        <translation>Scores van de gekozen meting</translation>
    </message>
    <message>
        <source>Low scores: related drempels</source>
        <translation>Lage scores: verwante drempels</translation>
    </message>
    <message>
        <source>Distance travelled</source>
        <translation>Afgelegde weg</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>Could not load the ZRM.</source>
        <translation>De ZRM kon niet geladen worden.</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>tegen %1</translation>
    </message>
    <message>
        <source>No two scores to compare</source>
        <translation>Geen twee scores om te vergelijken</translation>
    </message>
    <message>
        <source>No assessment yet. Start one with New assessment (Alt+N); it takes about a minute with the keyboard.</source>
        <translation>Nog geen meting. Begin er een met Nieuwe meting (Alt+N); met het toetsenbord duurt dat ongeveer een minuut.</translation>
    </message>
    <message>
        <source>⚠ A new assessment was due on %1.</source>
        <translation>⚠ Een nieuwe meting was gepland op %1.</translation>
    </message>
    <message>
        <source>Next assessment planned on %1.</source>
        <translation>Volgende meting gepland op %1.</translation>
    </message>
    <message>
        <source>There is an unsaved assessment (draft). New assessment continues it.</source>
        <translation>Er is een niet-bewaarde meting (concept). Nieuwe meting gaat ermee verder.</translation>
    </message>
    <message>
        <source>Corrected on %2: replaced by the version of %1</source>
        <translation>Gecorrigeerd op %2: vervangen door de versie van %1</translation>
    </message>
    <message>
        <source>Correction of the version of %1, saved on %2</source>
        <translation>Correctie van de versie van %1, bewaard op %2</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Geldig</translation>
    </message>
    <message>
        <source>Value before the correction</source>
        <translation>Waarde vóór de correctie</translation>
    </message>
    <message>
        <source>View drempels (%1)</source>
        <translation>Bekijk drempels (%1)</translation>
    </message>
    <message>
        <source>Correction saved.</source>
        <translation>Correctie bewaard.</translation>
    </message>
    <message>
        <source>Assessment saved.</source>
        <translation>Meting bewaard.</translation>
    </message>
    <message>
        <source>Save ZRM overview as PDF</source>
        <translation>ZRM-overzicht als PDF bewaren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>PDF saved: %1</source>
        <translation>PDF bewaard: %1</translation>
    </message>
    <message>
        <source>The PDF could not be made.</source>
        <translation>De PDF kon niet gemaakt worden.</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>PDF wordt gemaakt…</translation>
    </message>
    <message>
        <source>Load the official ZRM criteria</source>
        <translation>De officiële ZRM-criteria inladen</translation>
    </message>
    <message>
        <source>Criteria files (*.json *.csv)</source>
        <translation>Criteriabestanden (*.json *.csv)</translation>
    </message>
    <message>
        <source>%1 criteria loaded.</source>
        <translation>%1 criteria ingeladen.</translation>
    </message>
    <message>
        <source>The criteria file could not be loaded.</source>
        <translation>Het criteriabestand kon niet ingeladen worden.</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>niet gescoord</translation>
    </message>
</context>
</TS>
