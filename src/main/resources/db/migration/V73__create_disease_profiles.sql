-- What an alert's screening rule asks, per disease, when a health officer creates the alert: the symptoms and
-- exposures of WHO's case definitions at points of entry. Kept at headquarters, where alerts are made; the rule it
-- fills in is then the health officer's to change, and that rule is what reaches the posts.
create table health.disease_profile (
    disease   text primary key references health.disease (code),
    symptoms  text[] not null check (cardinality(symptoms) between 1 and 30),
    exposures text[] not null check (cardinality(exposures) <= 10)
);
insert into health.disease_profile (disease, symptoms, exposures) values
    ('EBOLA', array['FEVER', 'HEADACHE', 'MUSCLE_PAIN', 'FATIGUE', 'VOMITING', 'DIARRHOEA', 'ABDOMINAL_PAIN', 'UNEXPLAINED_BLEEDING'],
              array['CONTACT_WITH_CASE', 'HEALTH_FACILITY', 'BURIAL', 'ANIMAL_CONTACT']),
    ('MARBURG', array['FEVER', 'HEADACHE', 'MUSCLE_PAIN', 'FATIGUE', 'VOMITING', 'DIARRHOEA', 'ABDOMINAL_PAIN', 'UNEXPLAINED_BLEEDING'],
              array['CONTACT_WITH_CASE', 'HEALTH_FACILITY', 'BURIAL', 'ANIMAL_CONTACT']),
    ('LASSA', array['FEVER', 'HEADACHE', 'SORE_THROAT', 'MUSCLE_PAIN', 'VOMITING', 'ABDOMINAL_PAIN', 'UNEXPLAINED_BLEEDING'],
              array['CONTACT_WITH_CASE', 'HEALTH_FACILITY', 'ANIMAL_CONTACT']),
    ('MPOX', array['FEVER', 'RASH', 'SKIN_LESIONS', 'SWOLLEN_LYMPH_NODES', 'HEADACHE', 'MUSCLE_PAIN'],
              array['CONTACT_WITH_CASE', 'ANIMAL_CONTACT']),
    ('MEASLES', array['FEVER', 'RASH', 'COUGH', 'CONJUNCTIVITIS'],
              array['CONTACT_WITH_CASE']),
    ('MERS', array['FEVER', 'COUGH', 'SHORTNESS_OF_BREATH'],
              array['CONTACT_WITH_CASE', 'HEALTH_FACILITY', 'ANIMAL_CONTACT']),
    ('COVID_19', array['FEVER', 'COUGH', 'SHORTNESS_OF_BREATH', 'SORE_THROAT', 'FATIGUE', 'LOSS_OF_TASTE_OR_SMELL'],
              array['CONTACT_WITH_CASE', 'HEALTH_FACILITY']),
    ('CHOLERA', array['WATERY_DIARRHOEA', 'VOMITING', 'DEHYDRATION'],
              array['CONTACT_WITH_CASE', 'UNSAFE_WATER_OR_FOOD']),
    ('PLAGUE', array['FEVER', 'CHILLS', 'HEADACHE', 'SWOLLEN_LYMPH_NODES', 'COUGH', 'SHORTNESS_OF_BREATH'],
              array['CONTACT_WITH_CASE', 'ANIMAL_CONTACT']),
    ('MENINGOCOCCAL', array['FEVER', 'HEADACHE', 'STIFF_NECK', 'RASH', 'VOMITING'],
              array['CONTACT_WITH_CASE']),
    ('YELLOW_FEVER', array['FEVER', 'HEADACHE', 'MUSCLE_PAIN', 'JAUNDICE', 'UNEXPLAINED_BLEEDING', 'VOMITING'],
              array['AFFECTED_REGION']);
