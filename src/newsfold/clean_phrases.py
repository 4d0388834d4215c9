"""The generic boilerplate phrases of :mod:`newsfold.clean`, per kind of line, in every supported language.

They are generic vocabulary of news sites ("see also", "all rights reserved", "please enable JavaScript"), never
the text of any one site or corpus. Extend freely; :mod:`newsfold.clean` normalises them as it does lines.
"""

from __future__ import annotations

# Generic phrases, lower case, one language per line (en, de, fr, es, it, pt, ru, ar, then nl/pl), "|" between
# phrases. A phrase matches a whole short line or, for ``link_lead``, the opening of a line that holds a headline.
PHRASES: dict[str, str] = {
    # Headers that open a list of other articles; they also lead a line holding one such headline.
    "link_lead": """
        see also | read more | read also | also read | related | related articles | related stories |
        related news | related content | more on this | more on this story | know more | learn more | find out more |
        you may also like | you might also like | recommended | recommended for you | most read | most popular |
        trending | trending now | top stories | latest news | more news | more stories | editor's picks | don't miss |
        watch also | further reading | next article | previous article | read next | up next
      | siehe auch | mehr zum thema | lesen sie auch | auch lesen | auch interessant |
        das könnte sie auch interessieren |
        weitere artikel | meistgelesen | mehr dazu | zum thema | nächster artikel | vorschau auf den nächsten artikel |
        auch auf
      | lire aussi | à lire aussi | a lire aussi | lire également | à lire également | voir aussi | sur le même sujet |
        les plus lus | en savoir plus | à voir aussi | article suivant | pour lire la suite
      | ver también | vea también | lee también | lea también | leer también | lea más | te puede interesar |
        noticias relacionadas | notas relacionadas | más información | lo más leído | también te puede interesar |
        artículo siguiente
      | leggi anche | vedi anche | potrebbe interessarti anche | articoli correlati | i più letti | leggi di più
      | leia também | veja também | leia mais | saiba mais | mais lidas | notícias relacionadas
      | читайте также | смотрите также | по теме | самое читаемое | новости по теме | читать далее
      | اقرأ أيضا | اقرأ أيضاً | اقرا ايضا | مواضيع ذات صلة | الأكثر قراءة | شاهد أيضا | اقرأ المزيد
      | lees ook | zie ook | czytaj też | czytaj także | zobacz też | zobacz także
    """,
    # One-word leads that only count with a colon after them ("Lea: <headline>", "Watch: <headline>").
    "link_lead_colon": """
        read | watch | video | more | lesen | mehr | video | lire | voir | lea | mire | ver | leggi | guarda |
        leia | veja | читайте | смотрите | اقرأ | شاهد
    """,
    # Headers of a list of the site's own older or other articles ("Latest from …", "More from …").
    "link_header_start": """
        latest from | more from | more in | latest in | also in | more articles | top news
      | neueste aus | mehr aus | plus de | dernières | más de | altre notizie | mais de | ещё из
    """,
    # Share, print, rating, comment and newsletter controls.
    "widget": """
        share | share this | share this article | share on facebook | share on twitter | tweet | email | e-mail |
        print | print this | comments | comment | leave a comment | post a comment | rate this | rate this article |
        rating | subscribe | sign up | newsletter | follow us | click here | advertisement | sponsored | whatsapp |
        facebook | twitter | linkedin | telegram | copy link | save | listen | listen to this article | font size |
        zoom | show image | view image | show all images | view all images | view gallery | send feedback
      | teilen | drucken | kommentare | kommentieren | artikel teilen | anzeige | werbung | merken | bild anzeigen |
        alle bilder anzeigen | bilder anzeigen | feedback geben
      | partager | imprimer | commentaires | publicité | s'abonner | abonnez-vous | voir toutes les photos |
        voir la galerie
      | compartir | imprimir | comentarios | publicidad | suscríbete | ver todas las fotos | ver galería
      | condividi | stampa | commenti | pubblicità | iscriviti
      | compartilhar | comentários | publicidade | assine
      | поделиться | печать | комментарии | реклама | подписаться
      | شارك | طباعة | تعليقات | إعلان | اشترك
    """,
    # Rights lines and the credits of a site's makers.
    "copyright": """
        all rights reserved
      | alle rechte vorbehalten | tous droits réservés | todos los derechos reservados | tutti i diritti riservati
      | todos os direitos reservados | все права защищены | جميع الحقوق محفوظة
      | alle rechten voorbehouden | wszelkie prawa zastrzeżone
    """,
    # Site notices about the reader's browser, cookies and paywalled access ("Please enable JavaScript to view
    # this site", "This site uses cookies", "Read unlimited articles"): found anywhere in a short line.
    "notice": """
        enable javascript | javascript is disabled | javascript is required | requires javascript |
        javascript must be enabled | turn on javascript | we use cookies | this site uses cookies |
        this website uses cookies | accept cookies | cookie policy | unlimited access | read unlimited |
        unlimited digital access
      | javascript aktivieren | aktivieren sie javascript | javascript ist deaktiviert | wir verwenden cookies |
        diese website verwendet cookies | cookies akzeptieren | unbegrenzter zugriff | unbegrenzt lesen
      | activer javascript | activez javascript | javascript est désactivé | nous utilisons des cookies |
        ce site utilise des cookies | accepter les cookies | accès illimité
      | habilitar javascript | habilite javascript | activa javascript | active javascript | utilizamos cookies |
        usamos cookies | este sitio utiliza cookies | aceptar cookies | acceso ilimitado
      | abilita javascript | abilitare javascript | attiva javascript | utilizziamo i cookie | utilizziamo cookie |
        questo sito utilizza cookie | questo sito usa i cookie | accetta i cookie | accesso illimitato |
        leggi illimitatamente
      | ative o javascript | habilite o javascript | ativar javascript | utilizamos cookies | este site usa cookies |
        aceitar cookies | acesso ilimitado
      | включите javascript | javascript отключен | мы используем cookie | использует cookie | неограниченный доступ
      | تفعيل جافا سكريبت | ملفات تعريف الارتباط
      | this article was first published | this article was originally published | this story was first published |
        this article originally appeared | questo articolo è stato pubblicato | cet article a été publié |
        cet article est paru | este artículo fue publicado originalmente | este artigo foi publicado originalmente |
        dieser artikel erschien zuerst | dieser beitrag erschien zuerst
    """,
    # A cookie and consent banner (the three kinds below match word starts anywhere in a line): a run of lines at the
    # top or bottom of a text, each naming cookies or consent and privacy, that names all three of cookies, consent or
    # privacy, and the reader's act of accepting or clicking ("... raccogliamo informazioni ... file cookies",
    # "Cliccando sul pulsante 'Accettare e chiudere', lei dà il pieno consenso ...").
    "consent_cookie": """
        cookie
      | куки
      | كوكيز | الكوكيز | ملفات تعريف الارتباط
    """,
    "consent_terms": """
        consent | privacy | personal data | data protection
      | einwillig | zustimm | datenschutz | personenbezogen
      | consentement | confidentialité | données personnelles
      | consentimiento | privacidad | datos personales | protección de datos
      | consenso | informativa | dati personali
      | consentimento | privacidade | dados pessoais
      | согласи | конфиденциальн | персональн
      | موافق | خصوصي | البيانات الشخصية
    """,
    "consent_act": """
        accept | agree | click | continuing to
      | akzeptier | zustimmen | klick
      | accepte | cliqu | en poursuivant
      | acept | clic | al continuar
      | accett | clicc | proseguendo
      | aceit | clica | ao continuar
      | принят | принима | нажим | нажав | продолжая
      | قبول | أوافق | انقر | النقر | بالنقر
    """,
    # Credits of a site's makers; they only count on a line that does not read as a sentence.
    "site_makers": """
        developed by | powered by | designed by | design by | website by | site by | hosted by
      | entwickelt von | realisiert von | umsetzung | réalisé par | conçu par | desarrollado por | diseñado por
      | sviluppato da | realizzato da | desenvolvido por | разработка сайта | تطوير
    """,
    # An author's closing greeting, the first word or two of a short line after the last paragraph ("x Anna",
    # "Liebe Grüße, Tom", "Bisous !"): it is the author's text, not page furniture.
    "sign_off": """
        x | xx | xxx | xo | xoxo | cheers | love | best | best wishes | regards | kind regards | yours | thanks
      | eure | euer | deine | dein | liebe grüße | lg | viele grüße | herzliche grüße | herzlichst | bis bald
      | bisous | bises | amitiés | cordialement | à bientôt | a bientôt
      | besos | saludos | un abrazo | abrazos | hasta pronto
      | baci | saluti | un abbraccio | a presto
      | beijos | beijinhos | abraços | até breve
      | ваш | ваша | с уважением | обнимаю
      | مع تحياتي | تحياتي
    """,
    # Words that open a photo credit or a figure caption ("Foto: dpa", "Abbildung 4: …").
    "credit_lead": """
        photo | photos | picture | pic | image | images | credit | credits | source | figure | fig | illustration |
        video | graphic
      | foto | fotos | bild | quelle | abbildung | abb | grafik
      | crédit | illustration | légende
      | imagen | crédito | fuente
      | immagine | fonte
      | фото | источник | иллюстрация
      | صورة | مصدر
    """,
}
