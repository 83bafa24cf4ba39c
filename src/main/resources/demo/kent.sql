-- Demo data for the Kent Safeguarding Children Multi-Agency Partnership (KSCMP), loaded once on first start in
-- demo mode. Agencies, districts, areas and groups are real public bodies and structures named in Kent's annual
-- reports (KSCMP annual report 2023-24, Appendix Five and Appendix Two; KSCB annual report 2015-16 for the four
-- areas). The school and all people are fictional.

insert into partnership (name, short_name, description) values
 ('Kent Safeguarding Children Multi-Agency Partnership', 'KSCMP',
  'Safeguarding partners: Kent County Council, NHS Kent and Medway Integrated Care Board and Kent Police (KSCMP annual report 2023-24).'),
 ('Medway Safeguarding Children Partnership', 'MSCP',
  'Medway unitary area. Runs joint Kent and Medway processes, such as Section 11 audits and policy and procedures, with KSCMP.');

-- Four areas and twelve districts (KSCB annual report 2015-16, training breakdown by district; names as in 2023-24).
insert into area (partnership_id, name)
select p.id, a.name from partnership p, (values ('North Kent'), ('South Kent'), ('West Kent'), ('East Kent')) a(name)
where p.short_name = 'KSCMP';

insert into district (partnership_id, area_id, name, former_names)
select p.id, a.id, d.name, d.former
from partnership p
join (values ('Dartford', 'North Kent', null), ('Gravesham', 'North Kent', null), ('Sevenoaks', 'North Kent', null),
             ('Ashford', 'South Kent', null), ('Dover', 'South Kent', null), ('Folkestone and Hythe', 'South Kent', 'Shepway'),
             ('Maidstone', 'West Kent', null), ('Tunbridge Wells', 'West Kent', null), ('Tonbridge and Malling', 'West Kent', null),
             ('Canterbury', 'East Kent', null), ('Swale', 'East Kent', null), ('Thanet', 'East Kent', null)) d(name, area, former) on true
join area a on a.partnership_id = p.id and a.name = d.area
where p.short_name = 'KSCMP';

insert into district (partnership_id, name) select id, 'Medway' from partnership where short_name = 'MSCP';

insert into agency (name, short_name, agency_type, sector) values
 ('Kent County Council', 'KCC', 'LOCAL_AUTHORITY', 'LOCAL_GOVERNMENT'),
 ('Kent Police', null, 'POLICE', 'POLICING'),
 ('NHS Kent and Medway Integrated Care Board', 'K&M ICB', 'INTEGRATED_CARE_BOARD', 'HEALTH'),
 ('Medway Council', null, 'LOCAL_AUTHORITY', 'LOCAL_GOVERNMENT'),
 ('Kent Community Health NHS Foundation Trust', 'KCHFT', 'HEALTH_PROVIDER', 'HEALTH'),
 ('Kent and Medway NHS and Social Care Partnership Trust', 'KMPT', 'HEALTH_PROVIDER', 'HEALTH'),
 ('North East London NHS Foundation Trust', 'NELFT', 'HEALTH_PROVIDER', 'HEALTH'),
 ('East Kent Hospitals University NHS Foundation Trust', 'EKHUFT', 'HEALTH_PROVIDER', 'HEALTH'),
 ('Maidstone and Tunbridge Wells NHS Trust', 'MTW', 'HEALTH_PROVIDER', 'HEALTH'),
 ('Dartford and Gravesham NHS Trust', 'DVH', 'HEALTH_PROVIDER', 'HEALTH'),
 ('South East Coast Ambulance Service NHS Foundation Trust', 'SECAmb', 'HEALTH_PROVIDER', 'HEALTH'),
 ('Kent, Surrey and Sussex Probation Service', 'KSS Probation', 'PROBATION', 'CRIMINAL_JUSTICE'),
 ('Kent Youth Justice Service', null, 'YOUTH_JUSTICE', 'CRIMINAL_JUSTICE'),
 ('Children and Family Court Advisory and Support Service', 'CAFCASS', 'CAFCASS', 'CRIMINAL_JUSTICE'),
 ('Kent Fire and Rescue Service', 'KFRS', 'FIRE_AND_RESCUE', 'EMERGENCY_SERVICES'),
 ('Young Lives Foundation', null, 'VOLUNTARY_SECTOR', 'VOLUNTARY_AND_COMMUNITY'),
 ('Hollowbrook Academy (fictional demo school)', 'Hollowbrook', 'SCHOOL', 'EDUCATION'),
 ('Ashford Borough Council', null, 'DISTRICT_COUNCIL', 'LOCAL_GOVERNMENT'),
 ('Canterbury City Council', null, 'DISTRICT_COUNCIL', 'LOCAL_GOVERNMENT'),
 ('Dartford Borough Council', null, 'DISTRICT_COUNCIL', 'LOCAL_GOVERNMENT'),
 ('Dover District Council', null, 'DISTRICT_COUNCIL', 'LOCAL_GOVERNMENT'),
 ('Folkestone and Hythe District Council', null, 'DISTRICT_COUNCIL', 'LOCAL_GOVERNMENT'),
 ('Gravesham Borough Council', null, 'DISTRICT_COUNCIL', 'LOCAL_GOVERNMENT'),
 ('Maidstone Borough Council', null, 'DISTRICT_COUNCIL', 'LOCAL_GOVERNMENT'),
 ('Sevenoaks District Council', null, 'DISTRICT_COUNCIL', 'LOCAL_GOVERNMENT'),
 ('Swale Borough Council', null, 'DISTRICT_COUNCIL', 'LOCAL_GOVERNMENT'),
 ('Thanet District Council', null, 'DISTRICT_COUNCIL', 'LOCAL_GOVERNMENT'),
 ('Tonbridge and Malling Borough Council', null, 'DISTRICT_COUNCIL', 'LOCAL_GOVERNMENT'),
 ('Tunbridge Wells Borough Council', null, 'DISTRICT_COUNCIL', 'LOCAL_GOVERNMENT');

-- Every agency serves Kent; those serving the whole Kent and Medway footprint also serve Medway.
insert into agency_partnership (agency_id, partnership_id)
select a.id, p.id from agency a, partnership p where p.short_name = 'KSCMP' and a.name <> 'Medway Council';
insert into agency_partnership (agency_id, partnership_id)
select a.id, p.id from agency a, partnership p
where p.short_name = 'MSCP'
  and a.name in ('Medway Council', 'Kent Police', 'NHS Kent and Medway Integrated Care Board',
                 'Kent and Medway NHS and Social Care Partnership Trust', 'Kent Community Health NHS Foundation Trust',
                 'Kent, Surrey and Sussex Probation Service', 'Children and Family Court Advisory and Support Service',
                 'Kent Fire and Rescue Service', 'South East Coast Ambulance Service NHS Foundation Trust');

-- The 2023-24 group structure (KSCMP annual report 2023-24).
insert into partnership_group (partnership_id, name, purpose, meeting_frequency)
select p.id, g.name, g.purpose, g.frequency from partnership p,
 (values ('Executive Board', 'The three safeguarding partners set priorities, hold partners to account and hold themed meetings.', 'Quarterly'),
         ('Scrutiny and Challenge Group', 'Scrutinises multi-agency data and assurance, and challenges partners on the quality of practice.', 'Quarterly'),
         ('Learning and Improvement Group', 'Turns learning from reviews and audits into recommendations and actions, and checks their impact.', 'Bi-monthly'),
         ('Education Safeguarding Group', 'Links schools, colleges and early years settings with the partnership.', 'Termly'),
         ('Emerging Themes Group', 'Spots new safeguarding themes early and decides how the partnership responds.', 'Quarterly'),
         ('Rapid Review Group', 'Meets after a serious incident notification to complete the rapid review within 15 working days.', 'As required'),
         ('Partnership Forum', 'Wider partnership of relevant agencies; first met in January 2024.', 'Twice a year')) g(name, purpose, frequency)
where p.short_name = 'KSCMP';

insert into partnership_group (partnership_id, parent_group_id, name, purpose, meeting_frequency)
select p.id, g.id, 'Data task and finish group', 'Improves the multi-agency dataset behind the partnership''s dashboards.', 'Monthly'
from partnership p join partnership_group g on g.partnership_id = p.id and g.name = 'Scrutiny and Challenge Group'
where p.short_name = 'KSCMP';

insert into partnership_group (partnership_id, name, purpose, meeting_frequency)
select id, 'Joint Exploitation Group', 'Kent and Medway group on child exploitation.', 'Quarterly' from partnership where short_name = 'MSCP';

update partnership_group set terms_of_reference =
 'Membership: a senior representative of each statutory partner and of the relevant agencies the group needs. '
 || 'Quorum: one representative of each statutory partner. Decisions and actions are recorded and reported to the Executive Board.';

-- Fictional members and chairs, so the groups pages show how membership works (agencies are real; people are not).
insert into group_member (group_id, person_name, job_title, agency_id, member_role, joined_on)
select g.id, m.person, m.title, a.id, m.role, date '2024-04-01'
from (values
        ('Executive Board', 'Helen Ward', 'Corporate Director, Children, Young People and Education', 'Kent County Council', 'CHAIR'),
        ('Executive Board', 'Mark Osei', 'Assistant Chief Constable', 'Kent Police', 'MEMBER'),
        ('Executive Board', 'Chris Evans', 'Designated Nurse for Safeguarding Children', 'NHS Kent and Medway Integrated Care Board', 'MEMBER'),
        ('Scrutiny and Challenge Group', 'Morgan Ellis', 'Independent Scrutineer', 'Kent County Council', 'CHAIR'),
        ('Scrutiny and Challenge Group', 'Sam Taylor', 'Detective Inspector', 'Kent Police', 'MEMBER'),
        ('Learning and Improvement Group', 'Ruth Adeyemi', 'Head of Safeguarding', 'Kent Community Health NHS Foundation Trust', 'CHAIR'),
        ('Learning and Improvement Group', 'Priya Shah', 'KSCMP Business Officer', 'Kent County Council', 'ADVISER'),
        ('Education Safeguarding Group', 'Jordan Lee', 'Designated Safeguarding Lead', 'Hollowbrook Academy (fictional demo school)', 'MEMBER'),
        ('Rapid Review Group', 'Helen Ward', 'Corporate Director, Children, Young People and Education', 'Kent County Council', 'CHAIR'))
     m(grp, person, title, agency, role)
join partnership_group g on g.name = m.grp
join partnership p on p.id = g.partnership_id and p.short_name = 'KSCMP'
join agency a on a.name = m.agency;
