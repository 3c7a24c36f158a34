### Messages français : les destinataires.
### Conventions: « M. » (U+00A0) before the name; names transliterated the French way (Poutine,
### Michoustine, Sergueï, Alexandre); titles capitalised in the address block; salutation
### « Monsieur le …, » and closing « Je vous prie d’agréer, … » repeating the salutation;
### « très haute considération » for the head of state, the head of government and heads of
### mission, « haute considération » for a minister, the prosecutor general and a director.
### A mission or embassy is addressed as « Excellence » (the head of mission, gender-neutral).

addressee-putin = M. Vladimir Poutine
    .role = Président de la Fédération de Russie
    .salutation = Monsieur le Président,
    .closing = Je vous prie d’agréer, Monsieur le Président, l’expression de ma très haute considération.

addressee-mishustin = M. Mikhaïl Michoustine
    .role = Premier ministre de la Fédération de Russie
    .salutation = Monsieur le Premier ministre,
    .closing = Je vous prie d’agréer, Monsieur le Premier ministre, l’expression de ma très haute considération.

addressee-lavrov = M. Sergueï Lavrov
    .role = Ministre des Affaires étrangères de la Fédération de Russie
    .salutation = Monsieur le Ministre,
    .closing = Je vous prie d’agréer, Monsieur le Ministre, l’expression de ma haute considération.

# Son titre officiel : Procureur général de la Fédération de Russie (Генеральный прокурор).
addressee-krasnov = M. Igor Krasnov
    .role = Procureur général de la Fédération de Russie
    .salutation = Monsieur le Procureur général,
    .closing = Je vous prie d’agréer, Monsieur le Procureur général, l’expression de ma haute considération.

# Le FSB : Service fédéral de sécurité de la Fédération de Russie (ФСБ России).
addressee-bortnikov = M. Alexandre Bortnikov
    .role = Directeur du Service fédéral de sécurité de la Fédération de Russie (FSB)
    .salutation = Monsieur le Directeur,
    .closing = Je vous prie d’agréer, Monsieur le Directeur, l’expression de ma haute considération.

# Nom officiel de la mission (Постоянное представительство Российской Федерации при Отделении
# ООН и других международных организациях в Женеве). La lettre s’adresse au Représentant permanent.
addressee-mission-geneva = Mission permanente de la Fédération de Russie auprès de l’Office des Nations Unies et des autres organisations internationales à Genève
    .role = Suisse
    .salutation = Excellence,
    .closing = Je vous prie d’agréer, Excellence, l’assurance de ma très haute considération.

# La lettre s’adresse à l’Ambassadeur.
addressee-embassy-brussels = Ambassade de la Fédération de Russie à Bruxelles
    .role = Belgique
    .salutation = Excellence,
    .closing = Je vous prie d’agréer, Excellence, l’assurance de ma très haute considération.
