"""POLE import: a small hand-made export in Neo4j's crime-investigation layout."""

from __future__ import annotations

# ruff: noqa: E501  (CSV text is kept exactly as a POLE export writes it)

SAMPLE = {
    "crime-investigation.nodes.Crime.csv": """:ID,:LABEL,id,date,type,last_outcome,note,charge
10,Crime,abc,24/8/2017,Drugs,Under investigation,,
11,Crime,def,03/08/2017,Vehicle crime,Offender given a caution,,
12,Crime,ghi,05/08/2017,Bicycle theft,Investigation complete; no suspect identified,,
""",
    "crime-investigation.nodes.Location.csv": """:ID,:LABEL,address,postcode,latitude,longitude
20,Location,1 Fictional Road,M1 1AA,53.4,-2.2
21,Location,Car park,M1 2BB,53.5,-2.3
""",
    "crime-investigation.nodes.Person.csv": """:ID,:LABEL,name,surname,nhs_no,age
1,Person,Amy,Ross,804-54-6976,
2,Person,Ben,Ross,111-22-3333,15
3,Person,Cal,Dunn,222-33-4444,
4,Person,Dee,Hale,333-44-5555,
5,Person,Eli,Hale,444-55-6666,
""",
    "crime-investigation.nodes.Phone.csv": """:ID,:LABEL,phoneNo
30,Phone,07700 900001
31,Phone,07700 900002
""",
    "crime-investigation.nodes.PhoneCall.csv": """:ID,:LABEL,call_date,call_time,call_type,call_duration
40,PhoneCall,01/08/2017,12:01,CALL,61
""",
    "crime-investigation.nodes.Vehicle.csv": """:ID,:LABEL,make,model,reg,year
50,Vehicle,Ford,Fiesta,AB12CDE,2010
""",
    "crime-investigation.relationships.CALLED.csv": """:START_ID,:END_ID,:TYPE
40,31,CALLED
""",
    "crime-investigation.relationships.CALLER.csv": """:START_ID,:END_ID,:TYPE
40,30,CALLER
""",
    "crime-investigation.relationships.CURRENT_ADDRESS.csv": """:START_ID,:END_ID,:TYPE
1,20,CURRENT_ADDRESS
2,20,CURRENT_ADDRESS
""",
    "crime-investigation.relationships.FAMILY_REL.csv": """:START_ID,:END_ID,:TYPE,rel_type
2,1,FAMILY_REL,SIBLING
""",
    "crime-investigation.relationships.HAS_PHONE.csv": """:START_ID,:END_ID,:TYPE
1,30,HAS_PHONE
4,31,HAS_PHONE
""",
    "crime-investigation.relationships.KNOWS.csv": """:START_ID,:END_ID,:TYPE
1,3,KNOWS
3,1,KNOWS
3,4,KNOWS
4,5,KNOWS
""",
    "crime-investigation.relationships.KNOWS_SN.csv": """:START_ID,:END_ID,:TYPE
3,4,KNOWS_SN
""",
    "crime-investigation.relationships.OCCURRED_AT.csv": """:START_ID,:END_ID,:TYPE
10,21,OCCURRED_AT
""",
    "crime-investigation.relationships.PARTY_TO.csv": """:START_ID,:END_ID,:TYPE
1,10,PARTY_TO
3,10,PARTY_TO
4,11,PARTY_TO
5,11,PARTY_TO
5,12,PARTY_TO
""",
}
