"""The demo work plans: one endorsed 2026 plan per coalition, and a draft 2027 plan for health.

Written for the demo; any resemblance to a real work plan's wording is in the vocabulary only.
"""

from __future__ import annotations

from datetime import date

from rcphub.workplans.demo.spec import RoundSpec, WorkPlanSpec, output, result, work_plan
from rcphub.workplans.demo.spec import activity as a

YEAR_2026 = (date(2026, 1, 1), date(2026, 12, 31))
YEAR_2027 = (date(2027, 1, 1), date(2027, 12, 31))

ROUNDS_2026 = (
    RoundSpec(date(2026, 3, 31), "First quarterly update"),
    RoundSpec(date(2026, 6, 30), "Mid-year review"),
    RoundSpec(date(2026, 9, 30), "Third quarterly update"),
)

TITLE_2026 = "Work plan 2026"
TITLE_2027 = "Work plan 2027"


GENDER_2026 = work_plan(
    TITLE_2026,
    YEAR_2026,
    result(
        "UN Country Teams put gender equality and human rights at the centre of their analysis and "
        "Cooperation Frameworks",
        output(
            "Support to UNCTs preparing a Common Country Analysis or a new Cooperation Framework",
            a(
                "Gender and human rights review of draft Common Country Analyses",
                "Peer review of draft CCAs in countries starting a new Cooperation Framework cycle, with written "
                "comments on the analysis of groups left behind and on the use of human rights recommendations.",
                lead="OHCHR, UN-Women",
                partners="UNFPA, UNDP",
                countries="AM, KG, MK",
                sdg="5.1, 10.3, 16.b",
                when="By end 2026",
            ),
            a(
                "Helpdesk on the UNCT Gender Equality Scorecard",
                "Remote advice to UNCT gender theme groups preparing their Scorecard assessment or following up "
                "on the action plan for the indicators they did not meet.",
                lead="UN-Women",
                partners="UNDP",
                countries="AL, GE, UZ, XK",
                sdg="5.c, 5.5",
                when="Ongoing",
            ),
            a(
                "Briefing for new Resident Coordinators on human rights-based programming",
                "A half-day briefing on the normative framework, on programming with the recommendations of "
                "the Universal Periodic Review and treaty bodies, and on human rights due diligence.",
                lead="OHCHR",
                partners="UN-Women, UNICEF",
                sdg="16.10, 16.b",
                when="2026-03-01..2026-04-30",
            ),
        ),
        output(
            "Recommendations of the human rights mechanisms followed up jointly by UNCTs",
            a(
                "Mapping of UPR recommendations against Cooperation Framework outcomes",
                "A matrix for each country linking the accepted recommendations of the fourth UPR cycle to "
                "Cooperation Framework outcomes, to show where the UN system supports their implementation.",
                lead="OHCHR",
                partners="UNDP",
                countries="BA, ME, RS, TJ, TM",
                sdg="16.10, 17.18",
                when="Q2 2026",
            ),
            a(
                "Support to national mechanisms for implementation, reporting and follow-up",
                "Technical advice and peer exchange for national mechanisms that track human rights "
                "recommendations, including digital tools that link them to the SDG targets.",
                lead="OHCHR, UNDP",
                countries="KZ, MD, UZ",
                sdg="16.6, 16.10",
                when="2026-02-01..2026-11-30",
            ),
            a(
                "Joint UNCT submissions to the CEDAW Committee",
                "Coordination of confidential UNCT submissions to the Committee on the Elimination of "
                "Discrimination against Women for the countries it reviews in 2026.",
                lead="UN-Women",
                partners="OHCHR, UNFPA, UNICEF",
                sdg="5.1",
                when="Q3 2026",
                internal=True,
                footnote="UNCT submissions to treaty bodies are confidential; only their timing is reported here.",
            ),
        ),
        output(
            "Gender equality and human rights skills of UNCT staff",
            a(
                "Online course on the human rights-based approach for UNCT staff",
                "A self-paced course with case studies from the region, offered to programme staff of UNCTs "
                "and Resident Coordinator Offices.",
                lead="OHCHR",
                partners="UNSSC",
                sdg="16.10, 4.7",
                when="2026-01-15..2026-05-31",
            ),
            a(
                "Network of chairs of UNCT gender theme groups",
                "Quarterly calls of the chairs of UNCT gender theme groups to exchange practice and agree on "
                "joint messages for the coalition.",
                lead="UN-Women",
                sdg="5.c",
                when="Ongoing",
                internal=True,
            ),
        ),
    ),
    result(
        "Gender-based violence is prevented and survivors reach quality, coordinated services",
        output(
            "Evidence and standards on essential services for survivors",
            a(
                "Regional review of data collection on femicide",
                "A review of how countries record gender-related killings of women and girls, with proposals "
                "to align national statistics with the international statistical framework.",
                lead="UNODC, UN-Women",
                partners="UNECE",
                countries="AL, AM, GE, KZ, MD, RS, UA",
                sdg="5.2, 16.1",
                when="2026-01-15..2026-07-31",
            ),
            a(
                "Essential services for survivors in rural areas",
                "Guidance on coordinating health, police, justice and social services for survivors living in "
                "rural and remote areas, tested with two UNCTs.",
                lead="UNFPA",
                partners="UN-Women, WHO, UNODC",
                countries="KG, TJ",
                sdg="5.2, 3.7",
                when="2026-03-01..2026-12-15",
                track="SOD",
                comments=(
                    "",
                    "",
                    "Field testing in Tajikistan postponed to early 2027 at the ministry's request; "
                    "Kyrgyzstan on track.",
                ),
            ),
            a(
                "Brief on technology-facilitated violence against women",
                "A short brief for UNCTs on online and technology-facilitated violence against women and girls, "
                "with examples of legal and platform responses from the region.",
                lead="UN-Women",
                partners="ITU, UNFPA",
                sdg="5.2, 5.b",
                when="Q4 2026",
            ),
        ),
        output(
            "Prevention programmes and engagement of men and boys",
            a(
                "Peer exchange on violence prevention in schools",
                "An exchange among UNCTs on school programmes that prevent gender-based violence and promote "
                "respectful relationships, with the youth coalition.",
                lead="UNICEF, UNFPA",
                partners="UNESCO",
                countries="AM, BA, ME, UZ",
                sdg="5.2, 4.7",
                collab="youth",
                when="2026-05-01..2026-06-30",
            ),
            a(
                "Regional campaign for the 16 Days of Activism",
                "A joint communication package and events with UNCTs for the 16 Days of Activism against "
                "Gender-Based Violence.",
                lead="UN-Women",
                partners="UNFPA, UNICEF, UNHCR, IOM",
                sdg="5.2",
                when="Q4 2026",
            ),
            a(
                "Support to national action plans on gender-based violence",
                "Advice to governments revising their national action plans, drawing on the coalition's review "
                "of how such plans are costed and monitored.",
                lead="UNDP",
                partners="UN-Women, UNFPA",
                countries="GE, MD",
                sdg="5.2, 5.c",
                when="H2 2026",
            ),
        ),
        output(
            "Gender-based violence in displacement and humanitarian settings",
            a(
                "Risk mitigation in reception centres for refugees",
                "Joint guidance and training for reception staff on identifying survivors of gender-based "
                "violence among refugees and migrants and referring them to services.",
                lead="UNHCR, UNFPA",
                partners="IOM, UN-Women",
                countries="AM, MD, UA",
                sdg="5.2, 10.7",
                gcm="7",
                collab="large-movements",
                when="2026-02-15..2026-08-31",
            ),
            a(
                "Training of trainers on the clinical management of rape",
                "A regional training of trainers for health providers on the clinical management of rape and "
                "intimate partner violence.",
                lead="UNFPA",
                partners="WHO",
                countries="MD, UA",
                sdg="3.7, 5.2",
                when="Q2 2026",
                track="NDC",
                comments=(
                    "",
                    "Postponed from June to September at the request of the two ministries of health.",
                    "Held in September with 28 trainers from both countries; cascade trainings planned.",
                ),
            ),
        ),
    ),
    result(
        "Women's economic empowerment and the rights of groups left behind advance through policy dialogue",
        output(
            "Policy advice on the care economy and women's work",
            a(
                "Policy paper on investing in the care economy",
                "Analysis of the employment and fiscal returns of investing in childcare and long-term care, "
                "prepared with the social protection coalition.",
                lead="UN-Women, ILO",
                partners="UNECE, UNICEF",
                countries="AL, KZ, MK, TR",
                sdg="5.4, 8.5",
                collab="social-protection",
                when="2026-02-01..2026-09-30",
            ),
            a(
                "Workshop on gender pay gap statistics",
                "A workshop with national statistical offices on measuring and publishing the gender pay gap, "
                "held back to back with a meeting of statisticians.",
                lead="UNECE",
                partners="ILO, UN-Women",
                sdg="8.5, 17.18",
                when="2026-04-20..2026-04-22",
            ),
            a(
                "Women's entrepreneurship and access to finance in Central Asia",
                "Mapping of public and donor programmes that support women-led small businesses, with "
                "recommendations for UNCTs in Central Asia.",
                lead="UNDP",
                partners="UN-Women, FAO",
                countries="KZ, KG, TJ, TM, UZ",
                sdg="5.a, 8.3",
                when="By end 2026",
            ),
        ),
        output(
            "Rights of persons with disabilities, Roma and other groups at risk of being left behind",
            a(
                "Support to the UNCT accountability scorecard on disability inclusion",
                "Support to UNCTs completing the disability inclusion scorecard, and a regional summary of the "
                "gaps they have in common.",
                lead="OHCHR",
                partners="UNDP, UNICEF",
                countries="AZ, BY, RS, UA",
                sdg="10.2",
                when="2026-03-01..2026-10-31",
            ),
            a(
                "Roma inclusion in Cooperation Frameworks in the Western Balkans",
                "A note on how Cooperation Frameworks and joint programmes address the situation of Roma women "
                "and children, with the data gaps that remain.",
                lead="UNDP, UNICEF",
                partners="OHCHR, UN-Women",
                countries="AL, BA, ME, MK, RS, XK",
                sdg="10.2, 1.4",
                when="Q3 2026",
            ),
            a(
                "Stocktaking of the coalition's engagement with civil society",
                "An internal review of how the coalition consults women's rights organisations and human rights "
                "defenders, and of the risks they face when they engage with the UN.",
                lead="OHCHR, UN-Women",
                sdg="16.7, 16.10",
                when="H1 2026",
                internal=True,
            ),
        ),
        output(
            "Gender statistics and disaggregated data",
            a(
                "Gender statistics profiles of programme countries",
                "Short country profiles bringing together the sex-disaggregated SDG indicators available in "
                "national and international databases.",
                lead="UNECE",
                partners="UN-Women",
                countries="AM, AZ, GE, KG, TJ, UZ",
                sdg="17.18, 5.5",
                when="2026-03-01..2026-11-30",
            ),
            a(
                "Support to time-use surveys",
                "Advice to national statistical offices preparing time-use surveys that measure unpaid care and "
                "domestic work.",
                lead="UN-Women, UNECE",
                countries="GE, KZ",
                sdg="5.4, 17.18",
                when="By end 2026",
                track="SOX",
                comments=(
                    "",
                    "",
                    "Cancelled: the statistical office moved its survey to 2028; support will resume then.",
                ),
            ),
        ),
    ),
    endorsed_on=date(2026, 2, 12),
    notes="Endorsed by the co-chairs on behalf of the coalition on 12 February 2026; progress reviewed quarterly.",
    rounds=ROUNDS_2026,
)


YOUTH_2026 = work_plan(
    TITLE_2026,
    YEAR_2026,
    result(
        "Young people take part in the decisions that affect them, including in UN programming",
        output(
            "Meaningful youth engagement in UNCT processes",
            a(
                "Youth advisory boards for UNCTs",
                "Guidance and seed support for UNCTs setting up youth advisory boards, with terms of reference "
                "and safeguarding measures.",
                lead="UNFPA",
                partners="UNICEF, UNV",
                countries="AL, GE, KG, MD",
                sdg="16.7",
                when="2026-02-01..2026-09-30",
            ),
            a(
                "Follow-up to the Youth2030 scorecards",
                "Support to UNCTs acting on their Youth2030 scorecard findings, starting with the indicators on "
                "youth participation and funding.",
                lead="UNFPA",
                partners="UNDP, UN Youth",
                countries="AM, ME, UZ",
                sdg="16.7, 17.17",
                when="Ongoing",
                internal=True,
            ),
            a(
                "Youth consultations for Common Country Analyses",
                "Facilitated consultations with young people, including young people with disabilities and from "
                "rural areas, feeding into the CCAs updated in 2026.",
                lead="UNICEF",
                partners="UNFPA, UNDP",
                countries="KG, TM",
                sdg="16.7, 10.2",
                when="Q2 2026",
            ),
        ),
        output(
            "Youth, peace and security",
            a(
                "Regional dialogue on youth, peace and security",
                "A dialogue bringing together young peacebuilders from the Western Balkans and the South "
                "Caucasus with government representatives.",
                lead="UNDP",
                partners="UNFPA, UNICEF, DPPA",
                countries="AL, AM, AZ, BA, GE, ME, MK, RS, XK",
                sdg="16.7, 16.1",
                when="2026-09-14..2026-09-16",
            ),
            a(
                "Youth strategies and peacebuilding: desk review",
                "A desk review of national youth strategies and action plans for their commitments on youth, "
                "peace and security.",
                lead="UNFPA",
                sdg="16.7",
                when="H1 2026",
                internal=True,
            ),
        ),
        output(
            "Youth volunteering and civic space",
            a(
                "Youth volunteering for local climate adaptation",
                "A pilot volunteering scheme that involves young people in local adaptation projects, run with "
                "the climate coalition.",
                lead="UNV",
                partners="UNDP, UNEP",
                countries="TJ, UZ",
                sdg="13.3, 4.7",
                collab="climate",
                when="2026-04-01..2026-10-31",
            ),
            a(
                "Adolescents online: participation and safety",
                "A brief on how adolescents take part in public life online and the risks they meet there, with "
                "recommendations for UNCT programmes.",
                lead="UNICEF",
                partners="ITU, UNESCO",
                sdg="16.2, 4.7",
                when="Q3 2026",
            ),
        ),
    ),
    result(
        "Adolescents and young people gain the skills they need for learning, work and life",
        output(
            "Transition from school to work",
            a(
                "Analysis of young people not in employment, education or training",
                "An analysis of NEET rates by sex, place of residence and disability, with policy options "
                "discussed with ministries of labour.",
                lead="ILO",
                partners="UNICEF, UNECE",
                countries="AL, AM, BA, GE, KG, MK",
                sdg="8.6",
                when="2026-01-15..2026-06-30",
            ),
            a(
                "Peer exchange on Youth Guarantee schemes in the Western Balkans",
                "An exchange among ministries and public employment services that run or design a Youth "
                "Guarantee, with technical support from the ILO.",
                lead="ILO",
                partners="UNDP",
                countries="AL, BA, ME, MK, RS",
                sdg="8.6, 8.b",
                when="2026-05-01..2026-05-31",
            ),
            a(
                "Green skills in vocational education in Central Asia",
                "A review of vocational curricula for the skills needed in renewable energy, energy efficiency "
                "and sustainable agriculture.",
                lead="UNESCO, UNIDO",
                partners="ILO, FAO",
                countries="KZ, KG, TJ, UZ",
                sdg="4.4, 8.6",
                collab="climate",
                when="By end 2026",
            ),
        ),
        output(
            "Digital skills",
            a(
                "Digital skills framework for secondary education",
                "Adaptation of a digital skills framework for lower and upper secondary education, with the "
                "ministries of education.",
                lead="UNICEF",
                partners="UNESCO, ITU",
                countries="AZ, UZ",
                sdg="4.4",
                when="2026-03-01..2026-12-15",
                track="SDO",
                comments=(
                    "",
                    "Delayed: the agreement with the ministry of education in Azerbaijan is not yet signed; "
                    "work in Uzbekistan continues.",
                    "Agreement signed in August; the framework is being adapted in both countries.",
                ),
            ),
            a(
                "Mentoring network for girls in technology",
                "A network linking girls in secondary school with women working in technology companies and "
                "universities.",
                lead="ITU",
                partners="UN-Women, UNICEF",
                countries="AM, GE, MD",
                sdg="5.b, 4.4",
                when="Q2–Q3 2026",
            ),
        ),
        output(
            "Skills of young refugees and migrants",
            a(
                "Recognition of the qualifications of young refugees",
                "Advice to education authorities on recognising the qualifications and prior learning of young "
                "refugees who arrive without full documents.",
                lead="UNESCO, UNHCR",
                countries="AM, MD, TR",
                sdg="4.4, 10.7",
                gcm="18",
                collab="large-movements",
                when="H2 2026",
            ),
            a(
                "Inventory of language and bridging courses",
                "An inventory of language and bridging courses open to young migrants and refugees, shared among "
                "members to plan joint support.",
                lead="UNICEF, IOM",
                sdg="4.1, 10.7",
                gcm="15, 16",
                when="Q1 2026",
                internal=True,
            ),
        ),
    ),
    result(
        "Adolescents and young people enjoy better health and well-being",
        output(
            "Mental health of young people",
            a(
                "Evidence review on young people's mental health",
                "A review of prevalence data and of services for young people's mental health, prepared with "
                "the health coalition.",
                lead="WHO, UNICEF",
                partners="UNFPA",
                sdg="3.4",
                collab="health",
                when="2026-02-01..2026-07-31",
            ),
            a(
                "Peer-support services in universities",
                "Support to universities piloting peer-support and counselling services for students.",
                lead="UNFPA",
                partners="WHO",
                countries="KZ, UA",
                sdg="3.4",
                when="2026-09-01..2026-12-31",
            ),
            a(
                "Mental health first aid for youth workers",
                "Training for youth workers and teachers on recognising distress and referring young people to "
                "services.",
                lead="WHO",
                partners="UNICEF",
                countries="GE, MD",
                sdg="3.4",
                when="Q4 2026",
            ),
        ),
        output(
            "Sexual and reproductive health and comprehensive sexuality education",
            a(
                "Quality standards for youth-friendly health services",
                "A review of national standards for youth-friendly health services and support to the "
                "accreditation of clinics.",
                lead="UNFPA",
                partners="WHO, UNICEF",
                countries="AZ, TJ, UZ",
                sdg="3.7",
                when="By end 2026",
            ),
            a(
                "Sexuality education for out-of-school young people through digital channels",
                "Adaptation of a mobile application and chatbot for young people out of school, with content "
                "reviewed by national experts.",
                lead="UNFPA",
                partners="UNESCO",
                countries="KG, MD",
                sdg="3.7, 5.6",
                when="2026-02-01..2026-08-31",
            ),
        ),
        output(
            "Nutrition and physical activity of adolescents",
            a(
                "Nutrition standards for school meals",
                "Advice on nutrition standards for school meals and on restricting the marketing of unhealthy "
                "food to children.",
                lead="WFP, WHO",
                partners="UNICEF, FAO",
                countries="AM, KG, TJ",
                sdg="2.2",
                when="Q3 2026",
            ),
            a(
                "Sport for development events with youth organisations",
                "Joint sport-for-development events with national youth organisations, promoting physical "
                "activity and inclusion.",
                lead="UNESCO",
                partners="UNICEF",
                countries="BA, RS",
                sdg="3.4, 16.7",
                when="Q2 2026",
                track="SX-",
                comments=(
                    "",
                    "Cancelled: the partner federation withdrew; the funds return to the coalition's pooled budget.",
                    "",
                ),
            ),
        ),
    ),
    endorsed_on=date(2026, 2, 5),
    notes="Endorsed at the coalition meeting of 5 February 2026.",
    rounds=ROUNDS_2026,
)


HEALTH_2026 = work_plan(
    TITLE_2026,
    YEAR_2026,
    result(
        "Health systems move towards universal health coverage and reach people left behind",
        output(
            "Primary health care and financial protection",
            a(
                "Regional review of out-of-pocket spending on medicines",
                "Analysis of household spending on medicines and of the financial hardship it causes, with "
                "options for benefit packages.",
                lead="WHO",
                partners="UNDP",
                countries="AM, GE, KG, MD, UA",
                sdg="3.8",
                when="2026-01-15..2026-06-30",
            ),
            a(
                "Interoperability assessments of digital health systems",
                "Assessment of national digital health systems for interoperability and data protection, to "
                "guide UN support to ministries of health.",
                lead="UNDP",
                partners="WHO, ITU",
                countries="AZ, UZ",
                sdg="3.8, 9.c",
                when="2026-02-01..2026-10-31",
            ),
            a(
                "Support to efficient procurement of medicines",
                "Support to ministries of health on transparent and efficient procurement of medicines and "
                "medical devices, including joint procurement.",
                lead="UNDP",
                partners="UNICEF, WHO",
                countries="KG, TJ, UA",
                sdg="3.8, 16.5",
                when="By end 2026",
                track="SO-",
                comments=(
                    "Agreement signed with the ministry of health in Tajikistan; scoping under way in Kyrgyzstan.",
                    "Procurement reviews completed in two countries; an e-procurement module is being tested.",
                    "",
                ),
            ),
        ),
        output(
            "Health of refugees, migrants and people in vulnerable situations",
            a(
                "Access of refugees and migrants to health care: legal mapping",
                "A mapping of legal entitlements and practical barriers to health care for refugees and "
                "migrants, by residence status.",
                lead="IOM, WHO",
                partners="UNHCR",
                countries="AM, GE, MD, TR, UA",
                sdg="3.8, 10.7",
                gcm="15",
                collab="large-movements",
                when="2026-02-01..2026-09-30",
                footnote="Status categories as in the legislation in force on 1 January 2026.",
            ),
            a(
                "Health mediators for Roma communities",
                "Support to health mediators and outreach services that raise immunisation and maternal health "
                "coverage among Roma communities.",
                lead="UNICEF",
                partners="WHO, UNDP",
                countries="AL, MK, RS",
                sdg="3.1, 3.8, 10.2",
                when="Ongoing",
            ),
            a(
                "Continuity of HIV and tuberculosis care from prison to community",
                "Technical support to continuity of HIV, tuberculosis and hepatitis C treatment when people "
                "leave prison.",
                lead="UNODC",
                partners="UNAIDS, WHO",
                countries="KZ, KG, MD",
                sdg="3.3",
                when="2026-03-01..2026-12-31",
            ),
        ),
        output(
            "Health workforce",
            a(
                "Policy dialogue on retaining health workers",
                "A regional dialogue on retaining health workers and on ethical international recruitment, with "
                "data on outflows from the region.",
                lead="WHO",
                partners="ILO, IOM",
                sdg="3.c",
                gcm="5, 18",
                when="2026-06-08..2026-06-09",
            ),
            a(
                "Decent work for community health workers",
                "A review of the contracts, pay and protection of community health workers and nursing "
                "assistants.",
                lead="ILO",
                partners="WHO",
                countries="TJ, UZ",
                sdg="3.c, 8.8",
                when="H2 2026",
            ),
        ),
    ),
    result(
        "Communicable and noncommunicable diseases are better prevented and controlled",
        output(
            "HIV, tuberculosis and hepatitis",
            a(
                "Support to Fast-Track Cities on HIV",
                "Support to cities of the region that joined the Fast-Track Cities initiative to close their "
                "gaps in HIV testing and treatment.",
                lead="UNAIDS",
                partners="WHO, UNDP",
                countries="GE, KZ, UA",
                sdg="3.3",
                when="Ongoing",
            ),
            a(
                "Domestic financing of HIV prevention after external funding ends",
                "Analysis of domestic financing for HIV prevention among key populations, with options for "
                "social contracting of NGOs.",
                lead="UNDP, UNAIDS",
                countries="BY, KZ, MD, ME",
                sdg="3.3, 17.1",
                when="2026-03-01..2026-09-30",
            ),
            a(
                "Community-led monitoring of tuberculosis services",
                "Training community organisations to monitor the quality and accessibility of tuberculosis "
                "services.",
                lead="WHO",
                partners="UNDP, UNAIDS",
                countries="KG, TJ",
                sdg="3.3",
                when="Q3 2026",
            ),
        ),
        output(
            "Noncommunicable diseases and their risk factors",
            a(
                "Investment cases for tobacco taxation",
                "Investment cases showing the health and fiscal returns of higher tobacco taxes, presented to "
                "ministries of finance.",
                lead="UNDP, WHO",
                countries="AM, BA, GE",
                sdg="3.a, 3.4",
                when="2026-01-15..2026-05-31",
            ),
            a(
                "Regulating salt and trans fat in food",
                "Advice on regulations that reduce salt and eliminate industrially produced trans fat, with "
                "model legal text.",
                lead="WHO",
                partners="FAO, UNICEF",
                countries="KZ, UZ",
                sdg="3.4, 2.2",
                when="By end 2026",
            ),
            a(
                "Air pollution and health: action by municipalities",
                "Support to municipalities linking air-quality monitoring to health advice and local action "
                "plans.",
                lead="UNEP, WHO",
                partners="UNDP",
                countries="BA, MK, RS",
                sdg="3.9, 11.6",
                collab="climate",
                when="2026-04-01..2026-11-30",
            ),
        ),
        output(
            "Immunisation and antimicrobial resistance",
            a(
                "Catch-up vaccination after measles outbreaks",
                "Joint support to catch-up vaccination of children who missed doses, with community engagement "
                "to address vaccine hesitancy.",
                lead="UNICEF, WHO",
                countries="AZ, KG, TJ, UA",
                sdg="3.b",
                when="H1 2026",
                footnote="The list of countries may change with the epidemiological situation.",
            ),
            a(
                "One Health action plans on antimicrobial resistance",
                "Support to national action plans on antimicrobial resistance across human, animal and "
                "environmental health.",
                lead="WHO, FAO",
                partners="UNEP",
                countries="AM, GE, MD",
                sdg="3.d, 2.4",
                when="2026-02-01..2026-12-15",
                track="SOD",
                comments=(
                    "",
                    "",
                    "Delayed: the inter-ministerial committee in Georgia did not meet; adoption moves to Q1 2027.",
                ),
            ),
        ),
    ),
    result(
        "Countries are better prepared for health emergencies and promote mental health and well-being",
        output(
            "Health emergency preparedness",
            a(
                "Exercise on a cross-border health emergency",
                "A table-top exercise on a cross-border outbreak, testing coordination among health "
                "authorities, border agencies and UN entities.",
                lead="WHO",
                partners="IOM, UNICEF, OCHA",
                countries="KZ, KG, UZ",
                sdg="3.d",
                when="2026-10-05..2026-10-07",
            ),
            a(
                "Continuity of health services in conflict-affected areas",
                "Internal coordination of UN support for the continuity of primary care and mental health "
                "services in conflict-affected areas.",
                lead="WHO",
                partners="UNFPA, UNICEF, UNHCR",
                countries="UA",
                sdg="3.8, 3.d",
                when="Ongoing",
                internal=True,
            ),
        ),
        output(
            "Mental health and psychosocial support",
            a(
                "Guidance for employers on mental health at work",
                "Guidance for employers and trade unions on mental health at work, adapted from the joint "
                "WHO and ILO guidelines.",
                lead="ILO, WHO",
                sdg="3.4, 8.8",
                when="Q2 2026",
            ),
            a(
                "Reform towards community mental health services",
                "Advice on moving from institutional care to community-based mental health services, with "
                "exchange visits between countries.",
                lead="WHO",
                partners="UNDP, UNICEF",
                countries="AL, MD, UA",
                sdg="3.4",
                when="By end 2026",
            ),
            a(
                "Psychosocial support for survivors of gender-based violence",
                "Training for service providers on psychosocial support to survivors, prepared with the gender "
                "coalition.",
                lead="UNFPA",
                partners="WHO, UN-Women",
                countries="MD, UA",
                sdg="3.4, 5.2",
                collab="gender",
                when="2026-04-01..2026-07-31",
            ),
        ),
        output(
            "Healthy ageing and disability",
            a(
                "Situation analysis of long-term care",
                "Analysis of home-based and residential long-term care for older persons, and of the unpaid care "
                "that women provide.",
                lead="WHO, UNFPA",
                partners="UNECE, UN-Women",
                countries="AM, GE, RS",
                sdg="3.8, 5.4",
                collab="social-protection",
                when="2026-03-01..2026-10-31",
            ),
            a(
                "Assessment of needs for assistive technology",
                "A rapid assessment of the need for, and access to, assistive products among persons with "
                "disabilities and older persons.",
                lead="WHO, UNICEF",
                countries="TJ, UZ",
                sdg="3.8, 10.2",
                when="H2 2026",
            ),
            a(
                "Stocktaking of country support requests",
                "An internal stocktaking of the support requests the coalition received from UNCTs in 2025 and "
                "2026 and of how they were answered.",
                lead="WHO",
                partners="UNDP",
                sdg="17.17",
                when="Q4 2026",
                internal=True,
            ),
        ),
    ),
    endorsed_on=date(2026, 1, 29),
    notes="Endorsed at the coalition meeting of 29 January 2026. Activities led by UNDP are reported by its focal point.",
    rounds=ROUNDS_2026,
)


HEALTH_2027_DRAFT = work_plan(
    TITLE_2027,
    YEAR_2027,
    result(
        "Primary health care reaches people left behind",
        output(
            "Financial protection and access to medicines",
            a(
                "Follow-up to the review of out-of-pocket spending",
                "Country dialogues on the 2026 review's options for benefit packages, with ministries of health "
                "and finance.",
                lead="WHO",
                partners="UNDP",
                countries="AM, GE, MD",
                sdg="3.8",
                when="H1 2027",
            ),
            a(
                "Regional exchange on pricing and reimbursement of medicines",
                "An exchange among medicines agencies and insurance funds on pricing and reimbursement policies.",
                lead="WHO, UNDP",
                sdg="3.8, 3.b",
                when="Q3 2027",
            ),
        ),
        output(
            "Digital health",
            a(
                "Scaling interoperable electronic health records",
                "Support to the countries assessed in 2026 in scaling interoperable electronic health records.",
                lead="UNDP",
                partners="WHO, ITU",
                countries="AZ, UZ",
                sdg="3.8, 9.c",
                when="By end 2027",
            ),
        ),
    ),
    result(
        "Health systems are prepared for emergencies and resilient to climate change",
        output(
            "Preparedness and climate resilience",
            a(
                "Cross-border health emergency exercise in the South Caucasus",
                "A second table-top exercise, building on the 2026 exercise in Central Asia.",
                lead="WHO",
                partners="IOM",
                countries="AM, GE",
                sdg="3.d",
                when="Q2 2027",
            ),
            a(
                "Climate and health vulnerability assessments",
                "Assessments of how heat, floods and air pollution affect health services, prepared with the "
                "climate coalition.",
                lead="WHO, UNEP",
                countries="KG, MK",
                sdg="3.9, 13.1",
                collab="climate",
                when="2027",
            ),
        ),
    ),
    notes="Draft for discussion at the coalition meeting in December 2026.",
)


SOCIAL_PROTECTION_2026 = work_plan(
    TITLE_2026,
    YEAR_2026,
    result(
        "Social protection systems extend coverage to the people left behind",
        output(
            "Coverage gaps and policy options",
            a(
                "Diagnostics of social protection coverage",
                "Joint diagnostics of legal and effective coverage across the life cycle, with the ministries of "
                "labour and social protection.",
                lead="ILO, UNICEF",
                countries="AM, KG, TJ",
                sdg="1.3",
                when="2026-02-01..2026-08-31",
            ),
            a(
                "Social protection for informal and platform workers",
                "Policy options to extend contributory schemes to the self-employed, seasonal workers and "
                "people working through digital platforms.",
                lead="ILO",
                partners="UNDP",
                countries="GE, MD, UZ",
                sdg="1.3, 8.8",
                when="H2 2026",
            ),
            a(
                "Costing of universal child benefits",
                "Costing and fiscal space analysis of universal or near-universal child benefits.",
                lead="UNICEF",
                partners="ILO, UNDP",
                countries="AL, ME, MK",
                sdg="1.3, 1.2",
                when="2026-03-01..2026-09-30",
            ),
        ),
        output(
            "Disability-inclusive social protection",
            a(
                "Reform of disability assessment",
                "Support to moving disability assessment from a medical to a functional, human rights-based "
                "approach.",
                lead="UNICEF, WHO",
                partners="ILO, OHCHR",
                countries="AZ, GE, UZ",
                sdg="1.3, 10.2",
                when="By end 2026",
            ),
            a(
                "Study of the extra costs of disability",
                "A study estimating the extra costs of living with a disability, to inform the level of "
                "disability benefits.",
                lead="ILO",
                partners="UNDP",
                countries="KZ, RS",
                sdg="1.3, 10.2",
                when="2026-04-01..2026-10-31",
            ),
            a(
                "Professional social service workforce",
                "Support to professional standards, case management and training curricula for the social "
                "service workforce.",
                lead="UNICEF",
                countries="KG, TJ",
                sdg="1.3, 16.6",
                when="By end 2026",
            ),
        ),
        output(
            "Social protection for migrants and refugees",
            a(
                "Portability of social security entitlements",
                "A review of bilateral social security agreements between countries of origin and destination, "
                "with proposals for new agreements; prepared with the migration network.",
                lead="ILO, IOM",
                countries="KZ, KG, TJ, UZ",
                sdg="1.3, 10.7",
                gcm="22",
                collab="migration-network",
                when="2026-02-01..2026-11-30",
            ),
            a(
                "Refugees in national social assistance",
                "Advice to governments including refugees and displaced persons in national social assistance "
                "programmes and registries.",
                lead="UNHCR, UNICEF",
                partners="WFP",
                countries="AM, MD, TR",
                sdg="1.3",
                gcm="15",
                collab="large-movements",
                when="Ongoing",
            ),
        ),
    ),
    result(
        "Social protection adapts to shocks and climate-related risks",
        output(
            "Shock-responsive social protection",
            a(
                "Readiness assessments of shock-responsive social protection",
                "Assessments of whether social protection systems can scale up quickly in disasters and economic "
                "shocks.",
                lead="WFP",
                partners="UNICEF, UNDRR",
                countries="AM, KG, TJ",
                sdg="1.5, 1.3",
                collab="climate",
                when="2026-01-15..2026-07-31",
            ),
            a(
                "Anticipatory cash transfers linked to early warning",
                "Design of cash transfers triggered by heatwave and flood forecasts, paid before the hazard "
                "strikes.",
                lead="WFP",
                partners="FAO, WMO, UNICEF",
                countries="KG, TJ",
                sdg="1.5, 13.1",
                when="2026-04-01..2026-12-31",
                track="NSD",
                comments=(
                    "",
                    "",
                    "Delayed: the data-sharing agreement with the hydrometeorological service is not yet signed.",
                ),
            ),
            a(
                "Brief on social protection and climate adaptation",
                "A short brief on how social protection helps households adapt to climate-related risks in the "
                "region.",
                lead="UNDP",
                partners="UNDRR",
                sdg="1.5, 13.1",
                when="Q2 2026",
            ),
        ),
        output(
            "Social registries and digital delivery",
            a(
                "Interoperable social registries with data protection",
                "Support to linking social registries with civil registration and tax data, with safeguards "
                "for personal data.",
                lead="UNDP, UNICEF",
                partners="WFP",
                countries="AZ, MD, UZ",
                sdg="1.3, 16.9",
                when="By end 2026",
            ),
            a(
                "Digital payment of social assistance",
                "A review of digital payment options that protect recipients without bank accounts.",
                lead="WFP, UNDP",
                countries="KG, TJ",
                sdg="1.3, 8.10",
                when="Q3 2026",
            ),
        ),
        output(
            "Food security and social protection",
            a(
                "Linking cash transfers with support to smallholder farmers",
                "A pilot linking cash transfers to support for smallholder farmers and to local purchases for "
                "school meals.",
                lead="FAO",
                partners="WFP",
                countries="AM, KG",
                sdg="2.3, 1.3",
                when="2026-03-01..2026-12-15",
            ),
            a(
                "Food price monitoring for benefit adjustments",
                "An internal dashboard of food price inflation that members use to advise on adjusting benefit "
                "levels.",
                lead="WFP, FAO",
                sdg="2.c, 1.3",
                when="Ongoing",
                internal=True,
            ),
        ),
    ),
    result(
        "Social protection is financed sustainably, governed well and responsive to gender and care",
        output(
            "Fiscal space for social protection",
            a(
                "Public expenditure reviews of social protection",
                "Reviews of the level, efficiency and equity of social protection spending, with ministries of "
                "finance.",
                lead="UNICEF, ILO",
                partners="UNDP, WORLD BANK GROUP",
                countries="BA, GE",
                sdg="1.3, 1.a",
                when="2026-02-01..2026-10-31",
            ),
            a(
                "Social protection in integrated national financing frameworks",
                "Support to including social protection in integrated national financing frameworks.",
                lead="UNDP",
                partners="ILO",
                countries="AM, KZ, UZ",
                sdg="17.1, 1.a",
                when="H2 2026",
            ),
        ),
        output(
            "Care economy and gender-responsive social protection",
            a(
                "Gender-responsive pension reform options",
                "Analysis of how pension rules affect women's income in old age, with options such as care "
                "credits; prepared with the gender coalition.",
                lead="UN-Women, ILO",
                partners="UNECE",
                countries="GE, MK, UA",
                sdg="5.4, 1.3",
                collab="gender",
                when="2026-03-01..2026-09-30",
            ),
            a(
                "Costing the expansion of childcare services",
                "Costing of expanded early childhood education and care services and of their effect on "
                "employment.",
                lead="UNICEF, UN-Women",
                countries="AL, KZ",
                sdg="4.2, 5.4",
                when="Q4 2026",
            ),
        ),
        output(
            "Governance, coordination and statistics",
            a(
                "Regional forum on universal social protection",
                "A regional forum for ministries of labour and social protection, organised jointly by coalition "
                "members.",
                lead="ILO",
                partners="UNICEF, UNDP, WFP, UN-Women",
                sdg="1.3, 17.17",
                when="2026-11-17..2026-11-18",
            ),
            a(
                "Lessons from joint programmes on social protection",
                "An internal review of joint UN programmes on social protection, with lessons for new "
                "proposals.",
                lead="ILO",
                partners="UNICEF, UNDP",
                sdg="1.3, 17.17",
                when="H1 2026",
                internal=True,
            ),
            a(
                "Reporting on SDG indicator 1.3.1",
                "Support to statistical offices and ministries in reporting on SDG indicator 1.3.1 through the "
                "annual social security inquiry.",
                lead="ILO",
                partners="UNECE",
                countries="AZ, KG, TM",
                sdg="1.3, 17.18",
                when="Q2 2026",
            ),
        ),
    ),
    endorsed_on=date(2026, 2, 18),
    notes="Endorsed by written procedure, closed on 18 February 2026.",
    rounds=ROUNDS_2026,
)


LARGE_MOVEMENTS_2026 = work_plan(
    TITLE_2026,
    YEAR_2026,
    result(
        "Refugees, internally displaced and stateless persons are included in national systems and plans",
        output(
            "Inclusion in national services",
            a(
                "Refugee children in national education systems",
                "Support to education authorities enrolling refugee children in national schools, with "
                "language support and recognition of prior learning.",
                lead="UNHCR, UNICEF",
                partners="UNESCO",
                countries="AM, MD, TR",
                sdg="4.1, 4.5",
                collab="youth",
                when="Ongoing",
            ),
            a(
                "Housing solutions for internally displaced persons",
                "Analysis of housing and property options for people in protracted internal displacement, with "
                "local authorities.",
                lead="UN-Habitat, UNHCR",
                partners="UNDP",
                countries="AZ, GE, UA",
                sdg="11.1",
                when="2026-02-01..2026-10-31",
            ),
            a(
                "Access to work for refugees and displaced people",
                "Joint advice on work permits, skills profiling and job matching for refugees and internally "
                "displaced persons.",
                lead="UNDP, UNHCR",
                partners="ILO, IOM",
                countries="AM, MD, UA",
                sdg="8.5, 10.7",
                when="By end 2026",
            ),
        ),
        output(
            "Statelessness and legal identity",
            a(
                "Statelessness determination procedures",
                "Advice on statelessness determination procedures and on safeguards against statelessness at "
                "birth.",
                lead="UNHCR",
                partners="UNICEF",
                countries="KG, TJ, TM, UZ",
                sdg="16.9",
                when="2026-01-15..2026-12-15",
            ),
            a(
                "Birth registration in remote areas",
                "Support to mobile birth registration and civil documentation for children at risk of "
                "statelessness.",
                lead="UNICEF, UNHCR",
                countries="KZ, KG, TJ",
                sdg="16.9",
                when="Q2–Q3 2026",
            ),
            a(
                "Legal aid to restore identity and property documents",
                "Free legal aid for displaced persons who need to restore lost identity documents and property "
                "records.",
                lead="UNHCR",
                partners="UNDP",
                countries="UA",
                sdg="16.9, 16.3",
                when="Ongoing",
            ),
        ),
        output(
            "Displacement in development plans and Cooperation Frameworks",
            a(
                "Guidance on forced displacement in Common Country Analyses",
                "Guidance for UNCTs on analysing displacement in CCAs, including data on refugees, internally "
                "displaced persons and host communities.",
                lead="UNHCR",
                partners="IOM, UNDP, DCO",
                sdg="10.7, 17.18",
                when="H1 2026",
            ),
            a(
                "Statistics on refugees, internally displaced and stateless persons",
                "Support to statistical offices applying the international recommendations on statistics of "
                "refugees, internally displaced persons and stateless persons.",
                lead="UNHCR",
                partners="UNECE, IOM",
                countries="AZ, GE, UA",
                sdg="17.18, 16.9",
                when="2026-03-01..2026-11-30",
            ),
            a(
                "Support to solutions strategies for internal displacement",
                "Coordination of UN support to government strategies for durable solutions for internally "
                "displaced persons.",
                lead="UNDP, IOM",
                partners="UNHCR, OCHA",
                countries="UA",
                sdg="11.1, 16.7",
                when="Ongoing",
                internal=True,
            ),
        ),
    ),
    result(
        "Countries and UNCTs are prepared for large movements and disasters, and communities are resilient",
        output(
            "Contingency planning",
            a(
                "Inter-agency contingency plans for a large arrival of refugees",
                "Update of inter-agency contingency plans, with planning scenarios agreed with the governments "
                "concerned.",
                lead="UNHCR",
                partners="IOM, UNICEF, WFP, WHO",
                countries="AM, GE, MD",
                sdg="1.5, 10.7",
                when="Q2 2026",
                internal=True,
            ),
            a(
                "Emergency preparedness training for UNCTs",
                "A regional training on emergency preparedness and minimum preparedness actions for UNCTs.",
                lead="OCHA",
                partners="UNHCR, IOM, WFP",
                sdg="1.5, 11.5",
                when="2026-03-16..2026-03-19",
            ),
            a(
                "Preparedness of municipalities hosting refugees",
                "Support to municipalities near borders in planning reception capacity, water and sanitation, and "
                "referral to services for new arrivals.",
                lead="IOM",
                partners="UNHCR, UNICEF, UN-Habitat",
                countries="AM, MD",
                sdg="11.b, 1.5",
                when="H2 2026",
            ),
        ),
        output(
            "Disaster displacement",
            a(
                "Displacement in disaster risk reduction strategies",
                "Advice to disaster management agencies on planning for evacuation, displacement and planned "
                "relocation.",
                lead="UNDRR, IOM",
                partners="UNDP",
                countries="KG, TJ, TR",
                sdg="11.b, 13.1",
                gcm="2",
                collab="climate",
                when="2026-02-01..2026-11-30",
            ),
            a(
                "Earthquake preparedness in cities",
                "Urban earthquake preparedness plans with municipalities, including evacuation and shelter "
                "planning.",
                lead="UN-Habitat, UNDRR",
                countries="KG, TJ, UZ",
                sdg="11.5, 11.b",
                when="By end 2026",
            ),
        ),
        output(
            "Social cohesion and host communities",
            a(
                "Social cohesion in host communities",
                "Perception surveys and dialogue sessions in communities hosting many refugees or displaced "
                "people.",
                lead="UNDP",
                partners="UNHCR, IOM",
                countries="AM, MD",
                sdg="16.1, 16.7",
                when="2026-03-01..2026-08-31",
                track="SDC",
                comments=(
                    "",
                    "Delayed: survey fieldwork paused during local elections; resumed in July.",
                    "Completed; findings discussed with the municipalities and the UNCTs.",
                ),
            ),
            a(
                "Community outreach on protection from sexual exploitation and abuse",
                "Joint outreach on protection from sexual exploitation and abuse, with feedback channels for "
                "refugees and displaced people.",
                lead="UNHCR, UNFPA",
                partners="UNICEF, IOM",
                countries="MD, UA",
                sdg="5.2, 16.2",
                when="Ongoing",
            ),
        ),
    ),
    result(
        "The protection and rights of people on the move are upheld",
        output(
            "Protection at borders",
            a(
                "Protection-sensitive border management training",
                "Training for border guards on identifying and referring asylum-seekers, children and victims of "
                "trafficking.",
                lead="UNHCR, IOM",
                partners="UNICEF, UNODC",
                countries="AM, AZ, GE",
                sdg="10.7, 16.2",
                gcm="11, 12",
                when="2026-04-01..2026-06-30",
            ),
            a(
                "Monitoring of access to asylum",
                "Confidential monitoring of access to territory and to asylum procedures, shared among members "
                "for joint advocacy.",
                lead="UNHCR",
                partners="OHCHR",
                sdg="10.7, 16.3",
                when="Ongoing",
                internal=True,
            ),
        ),
        output(
            "Child protection in displacement",
            a(
                "Best-interests procedures for unaccompanied and separated children",
                "Support to child protection authorities on best-interests assessment and guardianship for "
                "unaccompanied and separated children.",
                lead="UNICEF",
                partners="UNHCR, IOM",
                countries="BA, MK, RS",
                sdg="16.2",
                gcm="7",
                when="2026-02-01..2026-09-30",
            ),
            a(
                "Ending immigration detention of children",
                "Advocacy and advice on ending immigration detention of children and on community-based "
                "alternatives; prepared with the migration network.",
                lead="UNICEF, OHCHR",
                partners="UNHCR, IOM",
                countries="BA, MK",
                sdg="16.2, 10.7",
                gcm="13",
                collab="migration-network",
                when="By end 2026",
            ),
        ),
        output(
            "Human rights of people on the move",
            a(
                "Human rights monitoring of returns",
                "Monitoring of the return of rejected asylum-seekers and migrants against human rights "
                "standards, with recommendations to the authorities.",
                lead="OHCHR",
                partners="UNHCR, IOM",
                countries="AL, RS, XK",
                sdg="10.7, 16.3",
                gcm="21",
                when="H2 2026",
            ),
            a(
                "Screening for trafficking risks among displaced people",
                "Joint awareness-raising and screening for trafficking risks among refugees and displaced "
                "people, especially women and children.",
                lead="IOM, UNODC",
                partners="UNHCR, UN-Women",
                countries="MD, UA",
                sdg="5.2, 16.2",
                gcm="10",
                when="2026-03-01..2026-12-15",
            ),
        ),
    ),
    endorsed_on=date(2026, 2, 10),
    notes="Endorsed at the coalition meeting of 10 February 2026. The migration network's plan is separate.",
    rounds=ROUNDS_2026,
)


MIGRATION_NETWORK_2026 = work_plan(
    TITLE_2026,
    YEAR_2026,
    result(
        "Governments are supported to implement, follow up and review the Global Compact for Migration",
        output(
            "Follow-up and review",
            a(
                "Support to voluntary national reviews of the GCM",
                "Technical support to governments preparing voluntary reviews of their GCM implementation ahead "
                "of the International Migration Review Forum.",
                lead="IOM",
                partners="UNECE, OHCHR",
                countries="AM, KG, MD, RS, TJ",
                sdg="10.7, 17.18",
                gcm="1, 23",
                when="2026-01-15..2026-04-30",
            ),
            a(
                "Regional consultation ahead of the International Migration Review Forum",
                "A multi-stakeholder consultation of governments, civil society, migrants and local authorities "
                "to agree the region's messages for the Forum.",
                lead="IOM, UNECE",
                partners="ILO, OHCHR, UNHCR",
                sdg="10.7, 17.17",
                gcm="23",
                when="2026-03-10..2026-03-11",
            ),
            a(
                "The network's key messages for the Forum",
                "Internal drafting of the network's key messages and side-event proposals for the International "
                "Migration Review Forum.",
                lead="IOM",
                partners="ILO, UNICEF, OHCHR",
                sdg="10.7",
                gcm="23",
                when="Q1 2026",
                internal=True,
            ),
        ),
        output(
            "National implementation plans and pledges",
            a(
                "National GCM implementation plans",
                "Support to inter-ministerial working groups drafting costed national plans to implement the "
                "GCM.",
                lead="IOM",
                partners="UNDP, ILO",
                countries="AZ, KZ, UZ",
                sdg="10.7",
                gcm="23",
                when="By end 2026",
            ),
            a(
                "Peer exchange among GCM champion countries",
                "A peer exchange among the region's champion countries on whole-of-government coordination and "
                "on following up their pledges.",
                lead="IOM",
                partners="UNDP",
                sdg="10.7, 17.16",
                gcm="23",
                when="Q3 2026",
            ),
            a(
                "Tracking of pledges made by member entities",
                "An internal tracker of the pledges made by the network's member entities and of their "
                "follow-up.",
                lead="IOM",
                sdg="17.16",
                gcm="23",
                when="Ongoing",
                internal=True,
            ),
        ),
        output(
            "Migration data and governance",
            a(
                "Harmonising administrative data on migration",
                "Support to statistical offices and migration agencies aligning definitions and combining "
                "administrative sources on migration.",
                lead="UNECE, IOM",
                partners="UNFPA",
                countries="AM, GE, KG, MD, UZ",
                sdg="17.18, 10.7",
                gcm="1",
                when="2026-02-01..2026-12-15",
            ),
            a(
                "Migration in Common Country Analyses and Cooperation Frameworks",
                "A review of how CCAs and Cooperation Frameworks address migration, with a checklist for UNCTs "
                "drafting new frameworks.",
                lead="IOM",
                partners="UNDP, DCO",
                sdg="10.7",
                gcm="23",
                when="H1 2026",
                track="SDC",
                comments=(
                    "",
                    "Delayed: the frameworks signed in 2025 were added to the review's scope.",
                    "Completed; the checklist was shared with all Resident Coordinator Offices.",
                ),
            ),
            a(
                "Regional study on climate change and human mobility",
                "A study of migration and displacement linked to slow-onset climate change in Central Asia, "
                "prepared with the climate coalition.",
                lead="IOM",
                partners="UNEP, UNDP",
                countries="KZ, KG, TJ, TM, UZ",
                sdg="13.1, 10.7",
                gcm="2",
                collab="climate",
                when="2026-04-01..2026-12-15",
            ),
        ),
    ),
    result(
        "Labour migration is fair, and migrants contribute to and benefit from sustainable development",
        output(
            "Fair recruitment and decent work",
            a(
                "Review of bilateral labour migration agreements",
                "A review of the bilateral labour migration agreements of Central Asian countries against "
                "international labour standards, with recommendations.",
                lead="ILO, IOM",
                countries="KZ, KG, TJ, UZ",
                sdg="8.8, 10.7",
                gcm="5, 6",
                when="2026-02-01..2026-07-31",
            ),
            a(
                "Pre-departure orientation for labour migrants",
                "An update of pre-departure material on rights at work, recruitment fees and access to services "
                "abroad.",
                lead="IOM",
                partners="ILO",
                countries="KG, TJ, UZ",
                sdg="10.7, 8.8",
                gcm="3, 6",
                when="Q2 2026",
            ),
            a(
                "Migrant women in domestic and care work",
                "A study of the working conditions of migrant women in domestic and care work, with proposals "
                "for labour inspection.",
                lead="ILO, UN-Women",
                countries="KZ, TR",
                sdg="8.8, 5.4",
                gcm="6",
                when="H2 2026",
            ),
        ),
        output(
            "Skills and remittances",
            a(
                "Skills partnerships and recognition of qualifications",
                "Support to skills partnerships and to the mutual recognition of qualifications between "
                "countries of origin and destination.",
                lead="ILO, IOM",
                partners="UNESCO",
                countries="GE, MD, UZ",
                sdg="4.4, 10.7",
                gcm="18",
                when="By end 2026",
            ),
            a(
                "Cost of remittances and financial inclusion",
                "An analysis of remittance costs in the region's main corridors and of products that help "
                "families save and invest what they receive.",
                lead="UNDP, IOM",
                partners="UNCDF",
                countries="KG, MD, TJ, UZ",
                sdg="10.c",
                gcm="20",
                when="2026-03-01..2026-09-30",
            ),
        ),
        output(
            "Diaspora engagement and reintegration",
            a(
                "Diaspora engagement strategies",
                "Advice to governments on diaspora strategies, including diaspora investment and the transfer "
                "of skills.",
                lead="IOM",
                partners="UNDP",
                countries="AL, AM, MD",
                sdg="10.7, 17.3",
                gcm="19",
                when="Ongoing",
            ),
            a(
                "Sustainable reintegration of returning migrants",
                "Support to reintegration services for returning migrants, linked to local employment and "
                "social services.",
                lead="IOM",
                partners="UNDP, ILO",
                countries="AL, KG, TJ, XK",
                sdg="10.7, 8.5",
                gcm="21",
                when="2026-02-01..2026-12-15",
            ),
        ),
    ),
    result(
        "Migrants' rights are protected throughout the migration cycle",
        output(
            "Human rights-based border governance and alternatives to detention",
            a(
                "Community of practice on alternatives to immigration detention",
                "A regional community of practice of governments and civil society on alternatives to "
                "immigration detention.",
                lead="OHCHR, UNHCR",
                partners="IOM, UNICEF",
                sdg="10.7, 16.3",
                gcm="13",
                when="Ongoing",
            ),
            a(
                "Training on human rights at international borders",
                "Training for border officials on the recommended principles and guidelines on human rights at "
                "international borders.",
                lead="OHCHR",
                partners="IOM",
                countries="BA, MK, RS",
                sdg="10.7",
                gcm="11",
                when="2026-05-01..2026-06-30",
            ),
        ),
        output(
            "Access to services and social protection",
            a(
                "Brief on firewalls between services and immigration enforcement",
                "A policy brief on keeping access to health, education and justice separate from immigration "
                "enforcement, with examples from the region.",
                lead="OHCHR, WHO",
                partners="UNICEF",
                sdg="3.8, 10.7",
                gcm="15",
                when="Q3 2026",
            ),
            a(
                "Social security for migrant workers",
                "Joint work with the social protection coalition on migrant workers' access to social security "
                "and the portability of their entitlements.",
                lead="ILO",
                partners="IOM",
                countries="KZ, KG",
                sdg="1.3, 10.7",
                gcm="22",
                collab="social-protection",
                when="2026-02-01..2026-11-30",
            ),
        ),
        output(
            "Trafficking, smuggling and missing migrants",
            a(
                "Identifying victims of trafficking among migrant workers",
                "Training of labour inspectors and police on identifying and referring victims of trafficking "
                "for forced labour.",
                lead="UNODC, IOM",
                partners="ILO",
                countries="KZ, TR, UZ",
                sdg="8.7, 16.2",
                gcm="10",
                when="2026-03-01..2026-10-31",
            ),
            a(
                "Missing migrants: records and support to families",
                "Support to governments and civil society in recording missing migrants and assisting their "
                "families.",
                lead="IOM",
                partners="OHCHR",
                countries="BA, MK, TR",
                sdg="10.7",
                gcm="8",
                when="H2 2026",
            ),
            a(
                "Monitoring of xenophobic discourse",
                "Monitoring of xenophobic discourse about migrants and refugees in the media, with "
                "recommendations for public information.",
                lead="OHCHR",
                partners="UNESCO, IOM",
                sdg="10.2, 16.10",
                gcm="17",
                when="By end 2026",
            ),
        ),
    ),
    endorsed_on=date(2026, 2, 24),
    notes="Endorsed by the network's co-chairs on 24 February 2026, after consultation of the country networks.",
    rounds=ROUNDS_2026,
)


CLIMATE_2026 = work_plan(
    TITLE_2026,
    YEAR_2026,
    result(
        "Countries raise their climate ambition and adapt to climate change",
        output(
            "Nationally determined contributions and adaptation planning",
            a(
                "From NDCs to investment plans",
                "Support to sector ministries turning the NDCs submitted in 2025 into investment plans and "
                "measurable actions.",
                lead="UNDP",
                partners="UNEP, FAO",
                countries="AM, GE, KZ, MD, UZ",
                sdg="13.2",
                when="By end 2026",
            ),
            a(
                "National adaptation plans",
                "Support to national adaptation plans, including vulnerability assessments for agriculture, "
                "water and health.",
                lead="UNEP, UNDP",
                partners="WHO",
                countries="AL, KG, TJ",
                sdg="13.1, 13.2",
                when="2026-02-01..2026-12-15",
            ),
            a(
                "Children and young people in climate policy",
                "Support to including children's rights and young people's participation in national climate "
                "plans, with the youth coalition.",
                lead="UNICEF",
                partners="UNEP",
                countries="AM, KG",
                sdg="13.3",
                collab="youth",
                when="H2 2026",
            ),
        ),
        output(
            "Early warning and disaster risk reduction",
            a(
                "Gap analysis of multi-hazard early warning systems",
                "Country gap analyses of early warning systems, from hazard monitoring to warnings that reach "
                "the last mile.",
                lead="WMO, UNDRR",
                partners="ITU",
                countries="KG, TJ, TM",
                sdg="13.1, 11.b",
                when="2026-01-15..2026-06-30",
            ),
            a(
                "Glacial lake outburst flood risk in mountain areas",
                "An assessment of glacial lake outburst flood risks and of community preparedness in mountain "
                "valleys.",
                lead="UNDP",
                partners="WMO, UNESCO",
                countries="KG, TJ",
                sdg="13.1, 11.5",
                when="2026-05-01..2026-10-31",
            ),
        ),
        output(
            "Climate and health",
            a(
                "Heat-health action plans",
                "Support to cities and ministries of health preparing heat-health action plans, with the health "
                "coalition.",
                lead="WHO",
                partners="WMO, UN-Habitat",
                countries="MK, RS, UZ",
                sdg="3.9, 13.1",
                collab="health",
                when="2026-02-01..2026-06-30",
            ),
            a(
                "Climate-resilient health facilities",
                "An assessment of climate risks to health facilities, with options for solar power and water "
                "security.",
                lead="WHO, UNDP",
                countries="KG, TJ",
                sdg="3.d, 7.2",
                when="By end 2026",
            ),
        ),
    ),
    result(
        "Environmental governance improves and economies become circular and low-carbon",
        output(
            "Environmental performance and multilateral environmental agreements",
            a(
                "Follow-up to environmental performance reviews",
                "Support to countries following up on the recommendations of their environmental performance "
                "reviews.",
                lead="UNECE",
                partners="UNEP",
                countries="AL, GE, UZ",
                sdg="17.14, 12.4",
                when="Ongoing",
            ),
            a(
                "Public participation in environmental decision-making",
                "Training for public authorities and civil society on access to information and public "
                "participation in environmental matters.",
                lead="UNECE",
                partners="UNDP, OHCHR",
                countries="AM, KZ, TJ",
                sdg="16.7, 16.10",
                when="2026-04-01..2026-09-30",
            ),
            a(
                "Guidance on the right to a healthy environment",
                "Guidance for UNCTs on applying the right to a clean, healthy and sustainable environment in "
                "their programmes.",
                lead="OHCHR, UNEP",
                sdg="16.10, 13.2",
                when="Q3 2026",
                track="NND",
                comments=("", "", "Delayed: the consultation with UNCTs was extended to the end of October."),
            ),
        ),
        output(
            "Circular economy and pollution",
            a(
                "Circular economy roadmaps",
                "Support to circular economy roadmaps, starting with the construction and textile sectors.",
                lead="UNIDO, UNECE",
                partners="UNEP, UNDP",
                countries="AM, MK, RS",
                sdg="12.5, 9.4",
                when="2026-03-01..2026-12-15",
            ),
            a(
                "Air-quality management in cities",
                "Support to air-quality monitoring networks and clean-air plans in the most polluted cities.",
                lead="UNEP",
                partners="WHO, UNECE",
                countries="BA, KG, MK",
                sdg="11.6, 3.9",
                collab="health",
                when="By end 2026",
            ),
            a(
                "Inventories of hazardous chemicals and waste",
                "Internal coordination of members' support to national inventories of hazardous chemicals and "
                "waste, to avoid duplication.",
                lead="UNEP",
                partners="UNIDO, FAO",
                sdg="12.4",
                when="H1 2026",
                internal=True,
            ),
        ),
        output(
            "A green and just transition",
            a(
                "Just transition in coal regions",
                "Analysis of the employment and social effects of phasing down coal, with plans for the workers "
                "and communities affected.",
                lead="UNDP, ILO",
                partners="UNECE",
                countries="BA, KZ, MK, RS, UA",
                sdg="7.2, 8.5",
                when="2026-02-01..2026-10-31",
            ),
            a(
                "Green finance for small and medium enterprises",
                "A review of green credit lines and guarantees for small and medium enterprises, with "
                "recommendations to development banks.",
                lead="UNDP",
                partners="UNEP, UNIDO",
                countries="GE, MD, UZ",
                sdg="9.3, 13.2",
                when="Q4 2026",
            ),
        ),
    ),
    result(
        "Natural resources are managed sustainably, including across borders",
        output(
            "Transboundary water cooperation",
            a(
                "Water, energy, food and ecosystems nexus assessments",
                "Nexus assessments in shared river basins, with options for joint investments in Central Asia.",
                lead="UNECE",
                partners="FAO, UNDP",
                countries="KZ, KG, TJ, TM, UZ",
                sdg="6.5, 6.4",
                when="2026-02-01..2026-12-15",
            ),
            a(
                "Regional cooperation on dam safety",
                "Support to regional cooperation on dam safety legislation and monitoring.",
                lead="UNECE",
                partners="UNDRR",
                countries="KZ, KG, TJ, UZ",
                sdg="6.5, 11.5",
                when="H2 2026",
            ),
        ),
        output(
            "Land, forests and biodiversity",
            a(
                "Land degradation neutrality targets",
                "Support to agriculture and forestry agencies in setting and monitoring land degradation "
                "neutrality targets.",
                lead="FAO",
                partners="UNEP, UNDP",
                countries="AM, AZ, KZ, UZ",
                sdg="15.3",
                when="By end 2026",
            ),
            a(
                "Biodiversity finance plans",
                "Support to national biodiversity finance plans aligned with the global biodiversity "
                "framework's targets.",
                lead="UNDP",
                partners="UNEP",
                countries="BA, GE, ME",
                sdg="15.a, 15.9",
                when="2026-03-01..2026-11-30",
            ),
        ),
        output(
            "Environment, peace and security",
            a(
                "Environment and security risk analysis",
                "Internal analysis of environmental and climate risks that could raise tensions over shared "
                "resources, to inform the Resident Coordinators' joint analysis.",
                lead="UNEP, UNDP",
                partners="UNRCCA",
                countries="KG, TJ, UZ",
                sdg="16.1, 13.1",
                when="Q2 2026",
                internal=True,
            ),
            a(
                "Climate-smart agriculture demonstrations",
                "Demonstrations of climate-smart agriculture and water-saving irrigation with farmers' "
                "associations.",
                lead="FAO",
                partners="UNDP, WFP",
                countries="AZ, TJ, UZ",
                sdg="2.4, 6.4",
                when="2026-04-01..2026-10-31",
            ),
        ),
    ),
    endorsed_on=date(2026, 1, 27),
    notes="Endorsed at the coalition meeting of 27 January 2026.",
    rounds=ROUNDS_2026,
)


# Work plans by coalition slug.
WORK_PLANS: dict[str, tuple[WorkPlanSpec, ...]] = {
    "gender": (GENDER_2026,),
    "youth": (YOUTH_2026,),
    "health": (HEALTH_2026, HEALTH_2027_DRAFT),
    "social-protection": (SOCIAL_PROTECTION_2026,),
    "large-movements": (LARGE_MOVEMENTS_2026,),
    "migration-network": (MIGRATION_NETWORK_2026,),
    "climate": (CLIMATE_2026,),
}
