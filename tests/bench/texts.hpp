// French word lists from which the benchmark generator composes realistic records. Only
// generate.cpp includes this; nothing in the product depends on it.
#pragma once

#include <array>
#include <string_view>

namespace bench {

using namespace std::string_view_literals;

inline constexpr std::array first_names{
    "Camille"sv, "Nadia"sv,    "Julien"sv,   "Sophie"sv,   "Karim"sv, "Élodie"sv,  "Thomas"sv,
    "Inès"sv,    "Laurent"sv,  "Mathilde"sv, "Yannick"sv,  "Chloé"sv, "Hélène"sv,  "Mehdi"sv,
    "Aurélie"sv, "François"sv, "Léa"sv,      "Stéphane"sv, "Fatou"sv, "Baptiste"sv};
inline constexpr std::array last_names{"Martin"sv,   "Bernard"sv,   "Lefèvre"sv, "Moreau"sv,
                                       "Girard"sv,   "Benali"sv,    "Dupont"sv,  "Rousseau"sv,
                                       "Fontaine"sv, "Chevalier"sv, "Nguyen"sv,  "Perrin"sv,
                                       "Gauthier"sv, "Mercier"sv,   "Diallo"sv,  "Lemaire"sv};
inline constexpr std::array counsellors{"Anne Roussel, psychologue du travail"sv,
                                        "Marc Delorme, conseiller en évolution professionnelle"sv,
                                        "Sylvie Caron, psychologue"sv,
                                        "Olivier Besson, consultant bilan"sv};
inline constexpr std::array organisations{"Cap Compétences (Lyon)"sv, "Atelier Parcours, Nantes"sv,
                                          "CIBC Bourgogne"sv, "Trajectoires & Métiers — Lille"sv};
inline constexpr std::array fundings{
    "cpf"sv, "cpf"sv, "employeur"sv, "reclassement"sv, "france-travail"sv, "personnel"sv};
inline constexpr std::array demands{
    "Faire le point après quinze ans dans le même poste et envisager une reconversion."sv,
    "Retrouver un métier compatible avec des restrictions médicales (port de charges)."sv,
    "Valider un projet de création d'entreprise dans l'artisanat."sv,
    "Préparer une évolution vers l'encadrement d'équipe."sv,
    "Donner du sens à son travail : « je ne me reconnais plus dans mon métier »."sv};
inline constexpr std::array expectations{
    "Identifier ses compétences transférables et des métiers accessibles sans long retour en "
    "formation."sv,
    "Obtenir un regard extérieur sur un projet déjà esquissé et en vérifier la faisabilité."sv,
    "Repartir avec un plan d'action daté et des contacts dans le secteur visé."sv};
inline constexpr std::array situations{
    "Aide-soignante en EHPAD depuis 12 ans, en arrêt pour troubles musculo-squelettiques."sv,
    "Technicien de maintenance industrielle, CDI, site menacé de fermeture."sv,
    "Assistante de direction dans une PME, temps partiel subi."sv,
    "Commercial terrain depuis 9 ans, lassitude des déplacements."sv,
    "Demandeur d'emploi depuis 8 mois après un licenciement économique."sv};
inline constexpr std::array circumstances{
    "Huit rendez-vous d'environ deux heures, un par semaine, complétés de recherches "
    "personnelles et de trois enquêtes métier.\nDeux séances à distance à la demande de la "
    "bénéficiaire."sv,
    "Bilan mené pendant un congé de reclassement ; entretiens en présentiel au centre."sv,
    "Accompagnement en soirée, hors temps de travail, financé par le CPF."sv};

// Skills: a verb and an object for know-how, a topic for knowledge, a quality for behaviour.
inline constexpr std::array verbs{
    "Animer"sv,    "Coordonner"sv, "Planifier"sv, "Rédiger"sv,   "Accueillir"sv,
    "Former"sv,    "Négocier"sv,   "Contrôler"sv, "Organiser"sv, "Diagnostiquer"sv,
    "Encadrer"sv,  "Conseiller"sv, "Analyser"sv,  "Gérer"sv,     "Accompagner"sv,
    "Présenter"sv, "Suivre"sv,     "Préparer"sv,  "Concevoir"sv, "Évaluer"sv};
inline constexpr std::array objects{"des réunions d'équipe"sv,
                                    "les plannings de l'équipe de nuit"sv,
                                    "les tournées de livraison"sv,
                                    "des comptes rendus techniques"sv,
                                    "le public en situation de stress"sv,
                                    "les nouveaux arrivants"sv,
                                    "des contrats avec les fournisseurs"sv,
                                    "la qualité des soins"sv,
                                    "les stocks et les commandes"sv,
                                    "les pannes d'une ligne de production"sv,
                                    "une équipe de douze personnes"sv,
                                    "la clientèle sur les produits"sv,
                                    "les besoins d'un service"sv,
                                    "un budget annuel"sv,
                                    "des personnes âgées dépendantes"sv,
                                    "un projet devant un comité"sv,
                                    "les dossiers administratifs"sv,
                                    "des supports de formation"sv,
                                    "un outil de suivi sous Excel"sv,
                                    "les risques d'un poste de travail"sv,
                                    "les relations avec les familles"sv,
                                    "la transmission entre équipes"sv,
                                    "des visites de chantier"sv,
                                    "un atelier collectif"sv,
                                    "les réclamations des clients"sv,
                                    "l'inventaire de fin d'année"sv,
                                    "la mise en rayon"sv,
                                    "des protocoles d'hygiène"sv,
                                    "les indicateurs de production"sv,
                                    "une campagne de prospection"sv};
inline constexpr std::array contexts{""sv,
                                     " en autonomie"sv,
                                     " dans l'urgence"sv,
                                     " avec des partenaires extérieurs"sv,
                                     " en équipe pluridisciplinaire"sv,
                                     " sur plusieurs sites"sv,
                                     " en horaires décalés"sv,
                                     " avec un logiciel métier"sv,
                                     " auprès d'un public fragile"sv,
                                     " en lien avec la direction"sv};
inline constexpr std::array topics{"la réglementation HACCP"sv,
                                   "la bureautique (Excel, Word, Outlook)"sv,
                                   "l'anglais professionnel"sv,
                                   "les règles de sécurité incendie"sv,
                                   "la comptabilité générale"sv,
                                   "l'électricité industrielle (habilitation B1V)"sv,
                                   "le droit du travail"sv,
                                   "la gestion des stocks"sv,
                                   "les pathologies du vieillissement"sv,
                                   "les techniques de vente"sv,
                                   "la pédagogie pour adultes"sv,
                                   "les logiciels de paie"sv,
                                   "la maintenance préventive"sv,
                                   "les gestes et postures"sv,
                                   "le management d'équipe"sv,
                                   "la relation d'aide"sv};
inline constexpr std::array knowledge_forms{"Connaissance de "sv, "Maîtrise de "sv,
                                            "Notions solides sur "sv, "Formation à "sv};
inline constexpr std::array qualities{
    "Sens de l'écoute"sv,       "Rigueur"sv,         "Patience"sv,
    "Calme sous pression"sv,    "Esprit d'équipe"sv, "Capacité d'adaptation"sv,
    "Sens de l'organisation"sv, "Curiosité"sv,       "Diplomatie"sv,
    "Persévérance"sv,           "Sens du service"sv, "Autonomie"sv};
inline constexpr std::array quality_contexts{""sv,
                                             " auprès des patients"sv,
                                             " en situation de conflit"sv,
                                             " face aux imprévus"sv,
                                             " avec les collègues"sv,
                                             " dans les périodes de forte activité"sv};
inline constexpr std::array domains{"relationnelles"sv, "techniques"sv, "organisationnelles"sv,
                                    "managériales"sv, "numériques"sv};
inline constexpr std::array evidences{
    "Exemple donné en entretien : réorganisation du service pendant les congés."sv,
    "Attestation de formation de 2019."sv, "Retour positif de l'ancien responsable."sv,
    "Fiche de poste et entretien annuel 2023."sv,
    "Raconté lors de la séance sur le parcours : gestion d'une crise avec une famille."sv};

inline constexpr std::array job_titles{
    "Aide-soignante"sv,           "Agent de service hospitalier"sv, "Technicien de maintenance"sv,
    "Assistante de direction"sv,  "Commercial itinérant"sv,         "Employée de rayon"sv,
    "Chef d'équipe logistique"sv, "Secrétaire médicale"sv,          "Animateur périscolaire"sv,
    "Agent d'accueil"sv};
inline constexpr std::array employers{"EHPAD Les Tilleuls"sv,
                                      "Clinique du Parc"sv,
                                      "Renault Trucks"sv,
                                      "Leclerc Villefranche"sv,
                                      "Mairie de Vaulx-en-Velin"sv,
                                      "Transports Dupuy"sv,
                                      "Croix-Rouge française"sv,
                                      "AFPA Lyon"sv,
                                      "Greta Rhône"sv};
inline constexpr std::array trait_texts{"Se sentir utile aux autres"sv,
                                        "Autonomie dans l'organisation"sv,
                                        "Travail en équipe"sv,
                                        "Horaires compatibles avec la vie de famille"sv,
                                        "Apprendre en continu"sv,
                                        "Contact avec le public"sv,
                                        "Reconnaissance du travail bien fait"sv,
                                        "Pas de port de charges lourdes"sv,
                                        "Salaire au moins égal à l'actuel"sv,
                                        "Moins de 45 minutes de trajet"sv,
                                        "Accepter un temps de formation de 6 à 9 mois"sv,
                                        "Profil plutôt social et conventionnel"sv};
inline constexpr std::array trait_kinds{"valeur"sv,  "motivation"sv, "interet"sv,
                                        "critere"sv, "concession"sv, "personnalite"sv};
inline constexpr std::array piste_titles{"Formatrice pour adultes dans le secteur sanitaire"sv,
                                         "Conseillère en insertion professionnelle"sv,
                                         "Assistante de soins en gérontologie"sv,
                                         "Secrétaire médicale"sv,
                                         "Coordinatrice de parcours en SSIAD"sv,
                                         "Technicien SAV itinérant"sv,
                                         "Création d'une activité de couture"sv,
                                         "Gestionnaire de paie"sv};
inline constexpr std::array favourables{
    "Réutilise l'expérience du soin"sv, "Métier en tension dans la région"sv,
    "Pas de port de charges"sv, "Correspond aux valeurs exprimées"sv,
    "Formation finançable par le CPF"sv};
inline constexpr std::array unfavourables{
    "Baisse de salaire les deux premières années"sv, "Formation de 9 mois à temps plein"sv,
    "Déplacements fréquents"sv, "Concurrence forte à l'embauche"sv,
    "Zone grise : peu d'offres en CDI"sv};
inline constexpr std::array action_texts{
    "S'inscrire à la réunion d'information de l'AFPA"sv,
    "Demander un devis de formation et monter le dossier CPF"sv,
    "Rencontrer une formatrice en poste (enquête métier)"sv,
    "Mettre à jour le CV avec les compétences transférables"sv,
    "Prendre rendez-vous avec le médecin du travail"sv,
    "Déposer un dossier Transitions Pro"sv,
    "Réaliser une période de mise en situation (PMSMP) de deux semaines"sv,
    "Relancer les trois contacts obtenus lors des enquêtes"sv,
    "Suivre le MOOC « Devenir formateur »"sv,
    "Faire le point avec la conseillère à six mois"sv};
inline constexpr std::array session_notes{
    "Présentation de la démarche et signature de la convention."sv,
    "Analyse de la demande et des attentes."sv,
    "Retour sur le parcours : postes de 2008 à 2015."sv,
    "Exploration des valeurs professionnelles."sv,
    "Passation du questionnaire d'intérêts RIASEC."sv,
    "Restitution du test de personnalité."sv,
    "Recherches documentaires sur les fiches ROME."sv,
    "Enquête métier auprès d'une formatrice de l'AFPA."sv,
    "Points abordés :\n- compétences transférables\n- contraintes de santé\n- pistes à creuser"sv,
    "Confrontation des pistes au marché du travail local."sv,
    "Construction du plan d'action."sv,
    "Remise et lecture commentée du document de synthèse."sv};

} // namespace bench
