<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_BE">
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
        <source>automatic locking</source>
        <translation>automatisch vergrendelen</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <source>Every unlock, lock, backup and change of settings is recorded here with time and device, newest first. The log never contains what you wrote.</source>
        <translation>Elke ontgrendeling, vergrendeling, back-up en gewijzigde instelling wordt hier bijgehouden, met tijdstip en toestel. De nieuwste staan bovenaan. Wat u schreef, komt nooit in het auditlog.</translation>
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
    <name>MainWindow</name>
    <message>
        <source>Brugfiguur main window</source>
        <translation>Hoofdvenster van Brugfiguur</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Here you will find the people you support: their phase, your last contact and what comes next. This part arrives in a coming version; your vault is ready for it.</source>
        <translation>Hier vindt u straks de mensen die u begeleidt: hun fase, uw laatste contact en wat er nog moet gebeuren. Dit onderdeel komt in een volgende versie; uw kluis is er al klaar voor.</translation>
    </message>
    <message>
        <source>Outreach locations</source>
        <translation>Vindplaatsen</translation>
    </message>
    <message>
        <source>Here you will keep the places where you meet people (streets, squares, drop-in centres) and when you were last there. This part arrives in a coming version.</source>
        <translation>Hier houdt u straks de plekken bij waar u mensen ontmoet (straten, pleinen, inloopcentra) en wanneer u er het laatst was. Dit onderdeel komt in een volgende versie.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporten</translation>
    </message>
    <message>
        <source>Here you will make reports for your team and funders, without names. This part arrives in a coming version.</source>
        <translation>Hier maakt u straks rapporten voor uw team en uw subsidiegevers, zonder namen. Dit onderdeel komt in een volgende versie.</translation>
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
        <source>Show keyboard shortcuts</source>
        <translation>Sneltoetsen tonen</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Naar %1</translation>
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
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Your contact moments and appointments for today will appear here. Until then, the quick note below is a safe place for a reminder.</source>
        <translation>Hier komen straks uw contactmomenten en afspraken van vandaag. Tot dan is de snelle notitie hieronder een veilige plek voor een geheugensteuntje.</translation>
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
</TS>
