window.copseSearchIndex = {"version":1,"alphabet":"!#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~","terminals":64,"communities":[["leeds","Leeds"],["york","York"]],"kinds":[["community","Community"],["charter","Charter"],["norms","Norms"],["planning","Planning document"],["meeting","Meeting notes"],["resource","Resource"],["page","Page"]],"words":"the Loop Pair We and Before guide. quiz. survey you Adapted Again: Belonging During How Leeds Leeds. Made Nobody Our Read Start Starter Swap Typed York's [[not-a-link]] activities. board. browse charter. every first. from guide guide, guide: here in links middle minutes. on or our pair pairing part programming. quiz ran read reuse run start start. ten then to used with yet.","pages":[
["communities/leeds/charter/index.html","Leeds charter",0,1,"","","%V$F'+Y"],
["communities/leeds/index.html","Leeds",0,0,"","","5#S&1@"],
["communities/leeds/meetings/2026-10-01-pairs/index.html","Trying pairs",0,4,"2026-10-01","Thursday 1 October 2026","%^$E[;*&N#):<L!>-!("],
["communities/leeds/resources/quiz/index.html","Loop quiz",0,5,"","","3H2"],
["communities/york/index.html","York",1,0,"","",""],
["communities/york/meetings/2026-11-02-survey/index.html","Survey results",1,4,"2026-11-02","Monday 2 November 2026","%T!.*&U!$("],
["communities/york/resources/survey/index.html","Belonging survey",1,5,"","",",C#)"],
["index.html","Crosslink Hub",-1,6,"","","7_!PDM?8="],
["resources/pair-guide/index.html","Pair guide",-1,5,"","","0]WOR'+X6!JQB/9AZK"],
["resources/starter/index.html","Starter activities",-1,5,"","","4IG`"]
]};
