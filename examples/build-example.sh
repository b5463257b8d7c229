#!/usr/bin/env bash
# Builds the fictitious example beneficiary folder "Claire Martin" purely through
# bilan commands, following a classic programme (préalable 1h, préliminaire 3h,
# investigation, conclusion 4h; suivi due about six months after the end).
#
# Usage: examples/build-example.sh BILAN_BINARY TARGET_DIR
#   e.g. examples/build-example.sh build/bilan examples/claire-martin
#
# Every person, company and organisation named here is fictitious.
# Deterministic: every date is explicit, nothing depends on the clock.
set -euo pipefail

if [ "$#" -ne 2 ]; then
    echo "usage: $0 BILAN_BINARY TARGET_DIR" >&2
    exit 2
fi

B="$1"
D="$2"
# Ids are random; this seed makes them a function of the seed and each record's content, so
# that the example is the same bytes every time. For this script and tests only: never set it
# for a real bilan (two clones with one seed could give two records the same name).
export BILAN_ID_SEED=claire-martin
# The day the example is seen from: after its last session, so that each is held (a session
# after today would be planned), and fixed, so that the example is the same bytes every time.
export BILAN_TODAY=2026-05-10

# --- Ouverture du bilan ------------------------------------------------------

"$B" init "$D" \
    --beneficiary "Claire Martin" \
    --framework fr \
    --start 2026-03-02 \
    --funding cpf \
    --counsellor "Hélène Rocher" \
    --organisation "Cabinet Horizons Mosaïque" \
    --demand "Comptable devenue assistante de gestion dans une PME, Claire, 42 ans, souhaite donner plus de sens à son travail et vérifier si elle peut se tourner vers la formation d'adultes ou l'économie sociale et solidaire."

"$B" -C "$D" set situation "Assistante de gestion en CDI depuis 2012 chez Menuiseries Arnaud (45 salariés), après huit ans en cabinet d'expertise comptable ; mariée, deux enfants au collège, vit près de Nantes."
"$B" -C "$D" set expectations "Identifier ses compétences transférables, confronter deux ou trois pistes à la réalité du terrain et repartir avec un projet daté et un financement identifié."
"$B" -C "$D" set circumstances "Bilan financé par le CPF et réalisé hors temps de travail, en neuf séances hebdomadaires de 1h30 à 3h dont deux à distance, complétées par deux enquêtes métiers et du travail personnel."
"$B" -C "$D" set end 2026-05-04
# Employed in the private sector: line a of the BPF's frame F-1 (`report` counts her there).
"$B" -C "$D" set public salarie

# --- Séances -----------------------------------------------------------------
# Each session held with the counsellor is proved: a signed attendance sheet in person; an
# electronic signature and the platform's connection log at a distance.
# Entretien préalable (hors bilan).
S=$("$B" -C "$D" session add --date 2026-02-23 --phase prealable --from 14:00 --to 15:00 \
    --note "Présentation de la démarche, analyse de la demande et montage du dossier CPF.")
"$B" -C "$D" session attest "$S" --evidence emargement --ref "emargement/2026-02-23.pdf"

# Phase préliminaire : 3h.
S=$("$B" -C "$D" session add --date 2026-03-02 --phase preliminaire --from 09:00 --to 12:00 \
    --note "Engagement dans la démarche, retour sur l'histoire professionnelle, hauts et bas du parcours.")
"$B" -C "$D" session attest "$S" --evidence emargement --ref "emargement/2026-03-02.pdf"

# Phase d'investigation : 13h d'accompagnement + 3h30 de travail personnel.
S=$("$B" -C "$D" session add --date 2026-03-09 --phase investigation --from 09:30 --to 12:00 \
    --note "Analyse détaillée du parcours et premier inventaire des savoirs, savoir-faire et savoir-être.")
"$B" -C "$D" session attest "$S" --evidence emargement --ref "emargement/2026-03-09.pdf"
"$B" -C "$D" session add --date 12/03/2026 --phase investigation --duration 1h \
    --kind travail-personnel \
    --note "Questionnaire d'histoire professionnelle complété et questionnaire « Le regard des autres » diffusé à six proches." >/dev/null
S=$("$B" -C "$D" session add --date 2026-03-16 --phase investigation --from 09:30 --to 12:00 \
    --kind test \
    --note "Passation de l'inventaire d'intérêts RIASEC (Strong) et première restitution.")
"$B" -C "$D" session attest "$S" --evidence emargement --ref "emargement/2026-03-16.pdf"
S=$("$B" -C "$D" session add --date 2026-03-23 --phase investigation --duration 2,5 \
    --mode distance \
    --note "Valeurs, sens du travail, activité idéale ; tri entre critères fondamentaux et concessions.")
"$B" -C "$D" session attest "$S" --evidence signature-electronique --ref "signature-2026-03-23"
"$B" -C "$D" session attest "$S" --evidence journal-visio --ref "visio-2026-03-23.csv"
# Logged with its length alone; its times, part of the proof, are noted afterwards.
"$B" -C "$D" session horaires "$S" --from 14:00 --to 16:30
S=$("$B" -C "$D" session add --date 2026-03-30 --phase investigation --from 10:00 --to 12:00 \
    --note "Retour du « regard des autres » et du RIASEC, formalisation du patrimoine de compétences, émergence de trois pistes.")
"$B" -C "$D" session attest "$S" --evidence emargement --ref "emargement/2026-03-30.pdf"
S=$("$B" -C "$D" session add --date 2026-04-07 --phase investigation --from 14:00 --to 16:00 \
    --mode distance \
    --note "Analyse envie/faisabilité des trois pistes et préparation du guide d'enquête métier.")
"$B" -C "$D" session attest "$S" --evidence signature-electronique --ref "signature-2026-04-07"
"$B" -C "$D" session attest "$S" --evidence journal-visio --ref "visio-2026-04-07.csv"
"$B" -C "$D" session add --date 2026-04-09 --phase investigation --duration 1h \
    --kind enquete \
    --note "Rencontre d'une formatrice en comptabilité-paie dans un organisme de formation continue." >/dev/null
"$B" -C "$D" session add --date 15/04/2026 --phase investigation --duration 1h30 \
    --kind enquete \
    --note "Rencontre d'une conseillère en insertion professionnelle dans un chantier d'insertion." >/dev/null
S=$("$B" -C "$D" session add --date 2026-04-20 --phase investigation --from 10:00 --to 11:30 \
    --note "Débriefing des enquêtes métiers et choix de la piste principale et du plan B.")
"$B" -C "$D" session attest "$S" --evidence emargement --ref "emargement/2026-04-20.pdf"

# Phase de conclusion : 4h.
S=$("$B" -C "$D" session add --date 2026-04-27 --phase conclusion --from 14:00 --to 16:00 \
    --note "Description du projet : points forts, points de vigilance, formation visée et financement.")
"$B" -C "$D" session attest "$S" --evidence emargement --ref "emargement/2026-04-27.pdf"
S=$("$B" -C "$D" session add --date 2026-05-04 --phase conclusion --from 14:00 --to 16:00 \
    --note "Plan d'action, remise du document de synthèse et évaluation à chaud.")
"$B" -C "$D" session attest "$S" --evidence emargement --ref "emargement/2026-05-04.pdf"

# --- Parcours ----------------------------------------------------------------

E_BTS=$("$B" -C "$D" experience add "BTS Comptabilité et gestion des organisations" \
    --kind formation --org "Lycée des Tilleuls, Angers" \
    --from 01/09/2002 --to 2004-06-30 \
    --note "Diplôme obtenu avec mention bien.")
E_STAGE=$("$B" -C "$D" experience add "Assistante comptable stagiaire" \
    --kind stage --org "Cabinet Berthelot Expertise" \
    --from 2004-01-05 --to 2004-02-27 \
    --note "Saisie, rapprochements bancaires et préparation des déclarations de TVA.")
E_CAB=$("$B" -C "$D" experience add "Comptable" \
    --kind poste --org "Fiduciaire Lemoine & Associés" \
    --from 2004-09-01 --to 2012-08-31 \
    --note "Portefeuille de TPE et d'artisans, de la saisie jusqu'au bilan.")
E_PME=$("$B" -C "$D" experience add "Comptable puis assistante de gestion" \
    --kind poste --org "Menuiseries Arnaud SAS" \
    --from 2012-09-03 \
    --note "Comptabilité, paie, budget et tableaux de bord ; tutrice de deux apprenties.")
E_FORM=$("$B" -C "$D" experience add "Formation de formateur occasionnel (21 h)" \
    --kind formation --org "Trajectoires Formation" \
    --from 2021-03-08 --to 2021-03-26 \
    --note "Suivie sur son CPF pour mieux encadrer les apprenties.")
E_ASSO=$("$B" -C "$D" experience add "Trésorière et animatrice d'ateliers budget" \
    --kind benevolat --org "Association Le Fil Solidaire (épicerie solidaire)" \
    --from 2019-10-01 \
    --note "Tient les comptes de l'association et anime des ateliers « gérer son budget ».")

# --- Compétences : savoirs ---------------------------------------------------

"$B" -C "$D" skill add "Principes de la comptabilité générale et du plan comptable général" \
    --type savoir --domain technique --experience "$E_BTS" --transferable >/dev/null
"$B" -C "$D" skill add "Fiscalité courante des entreprises : TVA, impôt sur les sociétés, liasse fiscale" \
    --type savoir --domain technique --experience "$E_CAB" >/dev/null
"$B" -C "$D" skill add "Bases du droit social : contrat de travail, éléments de paie, DSN" \
    --type savoir --domain technique --experience "$E_PME" --transferable >/dev/null
"$B" -C "$D" skill add "Contrôle de gestion : coûts de revient, budget prévisionnel, indicateurs" \
    --type savoir --domain technique --experience "$E_PME" --transferable >/dev/null
"$B" -C "$D" skill add "Procédures de clôture annuelle et relations avec le commissaire aux comptes" \
    --type savoir --domain organisationnel --source "Cabinet comptable puis PME" >/dev/null
"$B" -C "$D" skill add "Fonctionnement associatif : loi de 1901, gouvernance, subventions publiques" \
    --type savoir --domain organisationnel --experience "$E_ASSO" --transferable >/dev/null
"$B" -C "$D" skill add "Acteurs de l'action sociale locale : CCAS, CAF, commission de surendettement" \
    --type savoir --domain relationnel --experience "$E_ASSO" --transferable >/dev/null
"$B" -C "$D" skill add "Bases de l'ingénierie pédagogique : objectifs, déroulé de séquence, évaluation des acquis" \
    --type savoir --domain pédagogique --experience "$E_FORM" --transferable >/dev/null
"$B" -C "$D" skill add "Tableur avancé (tableaux croisés dynamiques, RECHERCHEX) et logiciels comptables" \
    --type savoir --domain numérique --experience "$E_PME" --transferable \
    --evidence "Certification bureautique niveau avancé obtenue en 2023" >/dev/null

# --- Compétences : savoir-faire ----------------------------------------------

"$B" -C "$D" skill add "Tenir la comptabilité de dossiers clients de la saisie jusqu'au bilan" \
    --type savoir-faire --domain technique --experience "$E_CAB" \
    --evidence "Portefeuille de 35 dossiers de TPE en 2011" >/dev/null
"$B" -C "$D" skill add "Établir les paies mensuelles et les déclarations sociales de 45 salariés" \
    --type savoir-faire --domain technique --experience "$E_PME" \
    --evidence "Aucune anomalie relevée lors du contrôle URSSAF de 2022" >/dev/null
"$B" -C "$D" skill add "Construire et suivre le budget annuel avec le dirigeant" \
    --type savoir-faire --domain organisationnel --experience "$E_PME" --transferable >/dev/null
"$B" -C "$D" skill add "Concevoir des tableaux de bord mensuels de trésorerie et de marge par chantier" \
    --type savoir-faire --domain technique --experience "$E_PME" --transferable \
    --evidence "Tableau de bord présenté chaque mois en comité de direction depuis 2016" >/dev/null
"$B" -C "$D" skill add "Conduire la migration vers un nouveau logiciel de gestion intégré" \
    --type savoir-faire --domain organisationnel --experience "$E_PME" --transferable >/dev/null
"$B" -C "$D" skill add "Rédiger des procédures internes et des modes opératoires pas à pas" \
    --type savoir-faire --domain organisationnel --source "PME et association" --transferable >/dev/null
"$B" -C "$D" skill add "Monter un dossier de subvention et rendre compte de son utilisation" \
    --type savoir-faire --domain organisationnel --experience "$E_ASSO" --transferable \
    --evidence "Subvention départementale de 8 000 € obtenue en 2024" >/dev/null
"$B" -C "$D" skill add "Expliquer des chiffres à des non-spécialistes (dirigeant, chefs d'équipe)" \
    --type savoir-faire --domain relationnel --experience "$E_PME" --transferable >/dev/null
"$B" -C "$D" skill add "Relancer les clients et négocier des échéanciers de paiement" \
    --type savoir-faire --domain relationnel --experience "$E_PME" >/dev/null
"$B" -C "$D" skill add "Former et accompagner des apprenties en BTS jusqu'au diplôme" \
    --type savoir-faire --domain pédagogique --experience "$E_PME" --transferable \
    --evidence "Deux apprenties diplômées, en 2019 et en 2022" >/dev/null
"$B" -C "$D" skill add "Animer des ateliers collectifs « gérer son budget » pour 8 à 12 personnes" \
    --type savoir-faire --domain pédagogique --experience "$E_ASSO" --transferable \
    --evidence "Douze ateliers animés depuis 2021" >/dev/null
"$B" -C "$D" skill add "Concevoir une séquence de formation de trois heures avec son évaluation" \
    --type savoir-faire --domain pédagogique --experience "$E_FORM" --transferable \
    --evidence "Séquence « Lire sa fiche de paie » validée en fin de formation" >/dev/null

# --- Compétences : savoir-être -----------------------------------------------

"$B" -C "$D" skill add "Rigoureuse et fiable" \
    --type savoir-etre --domain organisationnel \
    --source "Questionnaire « Le regard des autres »" --transferable \
    --evidence "Qualité citée par cinq répondants sur six" >/dev/null
"$B" -C "$D" skill add "Patiente et pédagogue" \
    --type savoir-etre --domain relationnel --experience "$E_ASSO" --transferable >/dev/null
"$B" -C "$D" skill add "À l'écoute et bienveillante, sans jugement" \
    --type savoir-etre --domain relationnel \
    --source "Questionnaire « Le regard des autres »" --transferable >/dev/null
"$B" -C "$D" skill add "Discrète et respectueuse de la confidentialité" \
    --type savoir-etre --domain relationnel --experience "$E_CAB" --transferable >/dev/null
"$B" -C "$D" skill add "Diplomate dans les situations tendues" \
    --type savoir-etre --domain relationnel --experience "$E_PME" --transferable >/dev/null
"$B" -C "$D" skill add "Calme sous la pression des échéances fiscales" \
    --type savoir-etre --domain organisationnel --experience "$E_CAB" --transferable >/dev/null
"$B" -C "$D" skill add "Autonome dans l'organisation de son travail" \
    --type savoir-etre --domain organisationnel --experience "$E_PME" --transferable >/dev/null
"$B" -C "$D" skill add "Persévérante face aux difficultés" \
    --type savoir-etre --domain organisationnel --source "Parcours professionnel" >/dev/null
"$B" -C "$D" skill add "Curieuse, aime apprendre et se former" \
    --type savoir-etre --domain pédagogique --experience "$E_FORM" --transferable >/dev/null

# --- Caractéristiques personnelles -------------------------------------------

"$B" -C "$D" trait add "Utilité sociale : contribuer concrètement à l'autonomie des personnes" --kind valeur >/dev/null
"$B" -C "$D" trait add "Transmission des savoirs" --kind valeur >/dev/null
"$B" -C "$D" trait add "Honnêteté et transparence dans les relations de travail" --kind valeur >/dev/null
"$B" -C "$D" trait add "Voir des personnes progresser grâce à ce qu'elle leur a appris" --kind motivation \
    --note "Exprimé à propos des apprenties et des ateliers budget." >/dev/null
"$B" -C "$D" trait add "Renouveler son quotidien professionnel après vingt ans de chiffres" --kind motivation >/dev/null
"$B" -C "$D" trait add "Expliquer, accompagner, faire comprendre" --kind interet \
    --note "Dimension sociale dominante au RIASEC." >/dev/null
"$B" -C "$D" trait add "Organiser et structurer l'information" --kind interet >/dev/null
"$B" -C "$D" trait add "Travailler à moins de 40 minutes de son domicile" --kind critere \
    --note "Enfants au collège, conjoint en horaires décalés." >/dev/null
"$B" -C "$D" trait add "Un métier en contact direct avec des personnes, pas seulement avec des chiffres" --kind critere >/dev/null
"$B" -C "$D" trait add "Accepter une baisse de salaire transitoire d'environ 10 %" --kind concession >/dev/null
"$B" -C "$D" trait add "Accepter des vacations ou des contrats courts la première année" --kind concession >/dev/null
"$B" -C "$D" trait add "Plutôt réservée, à l'aise en petit groupe, moins face à un grand auditoire" --kind personnalite \
    --note "Perception partagée par son entourage dans « Le regard des autres »." >/dev/null
"$B" -C "$D" trait add "Méthodique, a besoin de préparer pour se sentir à l'aise" --kind personnalite >/dev/null

# --- Tests -------------------------------------------------------------------

"$B" -C "$D" test add "RIASEC (Strong)" --date 2026-03-16 \
    --result "Code SCE : social, conventionnel, entreprenant" \
    --note "Intérêts sociaux nettement dominants ; l'intérêt conventionnel reste cohérent avec son parcours en gestion." >/dev/null

# --- Pistes ------------------------------------------------------------------

P1=$("$B" -C "$D" piste add "Formatrice d'adultes en comptabilité, paie et gestion" \
    --desire 5 --feasibility 4 \
    --for "Vingt ans de pratique comptable et de paie à transmettre" \
    --for "Expériences réussies de tutorat d'apprenties et d'animation d'ateliers" \
    --for "Organismes de formation de la région en recherche de formateurs en paie" \
    --against "Titre professionnel de formateur à obtenir pour être crédible" \
    --against "Prise de parole devant de grands groupes encore inconfortable" \
    --against "Nombreux postes proposés en vacation ou en CDD d'usage")
P2=$("$B" -C "$D" piste add "Responsable administrative et financière dans une structure de l'ESS" \
    --desire 3 --feasibility 5 \
    --for "Compétences directement transférables, sans formation nécessaire" \
    --for "Bonne connaissance du monde associatif grâce à son bénévolat" \
    --against "Reste un métier de chiffres avec peu de contact humain" \
    --against "Salaires souvent inférieurs à ceux de son poste actuel")
P3=$("$B" -C "$D" piste add "Conseillère en insertion professionnelle" \
    --desire 4 --feasibility 2 \
    --for "Forte envie d'accompagner des personnes en difficulté" \
    --for "Connaissance des acteurs sociaux locaux" \
    --against "Titre CIP à préparer, sans lien avec son expertise technique" \
    --against "Charge émotionnelle et reporting administratif importants" \
    --against "Marché local tendu, beaucoup de contrats aidés")

"$B" -C "$D" piste survey "$P1" --date 2026-04-09 \
    --with "Formatrice en comptabilité-paie, organisme de formation continue de Saint-Herblain" \
    --note "Confirme le besoin de formateurs issus du terrain ; conseille de commencer par quelques vacations."
"$B" -C "$D" piste survey "$P3" --date 15/04/2026 \
    --with "Conseillère en insertion professionnelle, chantier d'insertion en menuiserie" \
    --note "Métier d'accompagnement global, très loin de la transmission technique que Claire recherche."

"$B" -C "$D" piste decide "$P1" retained \
    --why "Meilleur équilibre entre envie et faisabilité : elle valorise son expertise tout en répondant à son besoin de transmission."
"$B" -C "$D" piste decide "$P2" backup \
    --why "Accessible immédiatement et porteuse de sens, gardée en plan B si la formation ne peut pas être financée."
"$B" -C "$D" piste decide "$P3" dropped \
    --why "L'enquête métier a montré un accompagnement social global qui l'éloigne de ce qu'elle aime transmettre."

# --- Projet ------------------------------------------------------------------

"$B" -C "$D" project set \
    --title "Devenir formatrice d'adultes en comptabilité, paie et gestion" \
    --training "Titre professionnel Formateur professionnel d'adultes (niveau 5), environ 800 h dont 210 h de stage, financé par un projet de transition professionnelle complété par le CPF." \
    --strength "Expertise technique solide et reconnue en comptabilité et en paie" \
    --strength "Premières expériences réussies de transmission auprès d'apprenties et en ateliers" \
    --strength "Projet confronté au terrain par une enquête métier et soutenu par son entourage" \
    --watch "Obtenir l'accord de financement avant de s'engager vis-à-vis de son employeur" \
    --watch "Gagner en aisance à l'oral devant des groupes de plus de douze personnes"

# --- Plan d'action -----------------------------------------------------------

A1=$("$B" -C "$D" action add "Assister à l'information collective sur le titre Formateur professionnel d'adultes" \
    --horizon court --due 2026-04-30)
"$B" -C "$D" action add "Déposer le dossier de projet de transition professionnelle auprès de Transitions Pro" \
    --horizon court --due 2026-06-15 >/dev/null
"$B" -C "$D" action add "Demander à son employeur le congé de transition professionnelle" \
    --horizon court --due 2026-07-03 >/dev/null
"$B" -C "$D" action add "Suivre la formation au titre Formateur professionnel d'adultes" \
    --horizon moyen --due 2027-06-30 >/dev/null
"$B" -C "$D" action add "Obtenir un poste de formatrice salariée en organisme de formation continue" \
    --horizon long --due 2027-12-31 >/dev/null
"$B" -C "$D" action done "$A1"

# --- Fin du bilan -----------------------------------------------------------
# The synthesis handed over at the last conclusion session, and the evaluation à chaud taken
# there (administrative: never in the synthesis); the follow-up and the evaluation à froid
# fall due six months later, on 4 November 2026.

"$B" -C "$D" set handover 2026-05-04
"$B" -C "$D" set handover-mode remise-en-main-propre
"$B" -C "$D" evaluation add chaud --date 2026-05-04 --satisfaction 5 \
    --answer attentes=5 --answer objectifs=5 --answer ecoute=5 --answer outils=4 \
    --answer rythme=4 --answer conditions=5 --answer synthese=5 --answer projet=5 \
    --answer recommande=oui \
    --comment "Séances bien rythmées ; les deux séances à distance ont aussi bien fonctionné qu'en présentiel." >/dev/null

# --- Consentement ------------------------------------------------------------

"$B" -C "$D" consent grant "France Travail" --date 2026-05-04 \
    --ref "consentement-france-travail-2026-05-04.pdf"

# --- Dossier CPF (EDOF) ------------------------------------------------------

"$B" -C "$D" edof set --dossier 7412589630 --requested 2026-02-09 --answered 2026-02-10 \
    --validated 2026-02-12 --entry-declared 2026-03-03 --exit-declared 2026-05-06 \
    --service-fait total

# --- Conservation (R6313-7) ---------------------------------------------------
# At the end the provider destroys what it made for the bilan, the synthesis included, unless
# a basis keeps it: Claire agreed in writing to keep her synthesis (as long as the law allows,
# 3 years) and her working documents for the follow-up (a year). Without these, `bilan purge`
# would be overdue since 4 May 2026.

"$B" -C "$D" retention grant --scope synthese --date 2026-05-04 \
    --ref "accord-conservation-2026-05-04.pdf"
"$B" -C "$D" retention grant --scope documents --date 2026-05-04 --until 2027-05-04 \
    --ref "accord-conservation-2026-05-04.pdf"
