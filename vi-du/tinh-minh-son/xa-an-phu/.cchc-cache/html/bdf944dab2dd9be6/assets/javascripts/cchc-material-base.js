// Material for MkDocs' inline head script (partials/javascripts/base.html), as a file so that
// the Content-Security-Policy can forbid inline scripts. The one change: the scope is
// the site root, two folders above this file, instead of the page's base_url.
// tests/test_csp.py fails when Material's own version changes: copy it again then.
__md_scope=new URL("../../",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
